package io.activationsuite.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps {@code METHOD /path/{param}/...} templates to handlers so emulators declare their API as a
 * table instead of hand-parsing paths. First registered match wins; literal segments beat nothing, so
 * register more specific templates first.
 */
public final class Router {

  /** Handles one routed request. */
  @FunctionalInterface
  public interface Handler {
    /** Answers the request; {@code params} holds the decoded template variables. */
    SandboxResponse handle(SandboxRequest request, Map<String, String> params);
  }

  private record Route(String method, String[] segments, Handler handler) {
  }

  /** Outcome of a lookup: a handler and its path variables, or why nothing matched. */
  public sealed interface Match {
    /** A route matched. */
    record Found(Handler handler, Map<String, String> params) implements Match {
    }

    /** The path exists but not for this method. */
    record MethodNotAllowed(List<String> allowed) implements Match {
    }

    /** No route has this path. */
    record NotFound() implements Match {
    }
  }

  private final List<Route> routes = new ArrayList<>();

  /** Registers a handler for a method and path template such as {@code /crm/v3/objects/{type}/batch/create}. */
  public Router add(String method, String template, Handler handler) {
    routes.add(new Route(method.toUpperCase(java.util.Locale.ROOT), split(template), handler));
    return this;
  }

  /** Finds the handler for a request. */
  public Match match(String method, String path) {
    String[] actual = split(path);
    List<String> allowed = new ArrayList<>();
    for (Route route : routes) {
      Optional<Map<String, String>> params = bind(route.segments(), actual);
      if (params.isPresent()) {
        if (route.method().equals(method)) {
          return new Match.Found(route.handler(), params.get());
        }
        allowed.add(route.method());
      }
    }
    return allowed.isEmpty() ? new Match.NotFound() : new Match.MethodNotAllowed(List.copyOf(allowed));
  }

  private static Optional<Map<String, String>> bind(String[] template, String[] actual) {
    if (template.length != actual.length) {
      return Optional.empty();
    }
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < template.length; i++) {
      String t = template[i];
      if (t.startsWith("{") && t.endsWith("}")) {
        if (actual[i].isEmpty()) {
          return Optional.empty();
        }
        params.put(t.substring(1, t.length() - 1), actual[i]);
      } else if (!t.equals(actual[i])) {
        return Optional.empty();
      }
    }
    return Optional.of(params);
  }

  private static String[] split(String path) {
    String trimmed = path.startsWith("/") ? path.substring(1) : path;
    if (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
  }
}
