package io.activationsuite.sandbox.braze;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sandbox.Emulator;
import io.activationsuite.sandbox.EmulatorContext;
import io.activationsuite.sandbox.Json;
import io.activationsuite.sandbox.Router;
import io.activationsuite.sandbox.SandboxRequest;
import io.activationsuite.sandbox.SandboxResponse;
import io.activationsuite.sandbox.braze.BrazeRateLimiter.EndpointClass;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Emulates the Braze REST API a data-activation connector uses: {@code /users/track} with Braze's batching
 * rule, identifiers, attribute types and per-object errors; {@code /users/delete}, {@code /users/alias/new},
 * {@code /v2/subscription/status/set}; the discovery endpoints; REST API keys with permissions; the
 * per-endpoint-class rate limits and headers; the 4 MB payload limit. See {@code docs/sandbox/braze.md}.
 */
public final class BrazeEmulator implements Emulator {

  /** Name used by the CLI and {@code @SandboxTest}. */
  public static final String NAME = "braze";
  /** Largest request body of the user data endpoints. */
  public static final int MAX_PAYLOAD_BYTES = 4 * 1024 * 1024;

  private final BrazeSettings settings;
  private final Map<String, Set<String>> keys = new ConcurrentHashMap<>();
  private final Router router = new Router();
  private UserStore store;
  private BrazeRateLimiter limiter;
  private UsersTrackApi track;
  private UserAdminApi admin;
  private ExportApi export;

  /** An emulator with {@link BrazeSettings#defaults()}. */
  public BrazeEmulator() {
    this(BrazeSettings.defaults());
  }

  /** An emulator with the given workspace settings. */
  public BrazeEmulator(BrazeSettings settings) {
    this.settings = settings;
    keys.putAll(settings.apiKeys());
    router.add("POST", "/users/track", guarded(EndpointClass.USERS_TRACK, "users.track", r -> track.track(r)))
        .add("POST", "/users/delete", guarded(EndpointClass.USERS_ADMIN, "users.delete", r -> admin.delete(r)))
        .add("POST", "/users/alias/new", guarded(EndpointClass.USERS_ADMIN, "users.alias.new",
            r -> admin.newAlias(r)))
        .add("POST", "/v2/subscription/status/set", guarded(EndpointClass.SUBSCRIPTION, "subscription.status.set",
            r -> admin.setSubscriptionStatus(r)))
        .add("GET", "/custom_attributes", guarded(EndpointClass.EXPORT, "custom_attributes.get",
            r -> export.customAttributes(r)))
        .add("GET", "/events/list", guarded(EndpointClass.EXPORT, "events.list", r -> export.eventNames(r)))
        .add("GET", "/purchases/product_list", guarded(EndpointClass.EXPORT, "purchases.product_list",
            r -> export.productIds(r)));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void start(EmulatorContext context) {
    this.store = new UserStore(context.random());
    this.limiter = new BrazeRateLimiter(context.clock(), context.faults());
    this.track = new UsersTrackApi(store, settings);
    this.admin = new UserAdminApi(store, settings);
    this.export = new ExportApi(store, context.baseUrl());
  }

  /** The workspace settings. */
  public BrazeSettings settings() {
    return settings;
  }

  /** Adds (or replaces) a REST API key holding only {@code permissions}; {@link #reset()} removes it. */
  public void addApiKey(String key, Set<String> permissions) {
    keys.put(key, Set.copyOf(permissions));
  }

  /** Data points consumed so far: one per attribute value written, event or purchase logged. */
  public long dataPoints() {
    synchronized (store.lock()) {
      return store.dataPoints;
    }
  }

  @Override
  public SandboxResponse handle(SandboxRequest request) {
    return switch (router.match(request.method(), request.path())) {
      case Router.Match.Found found -> found.handler().handle(request, found.params());
      case Router.Match.MethodNotAllowed notAllowed -> message(405, "Method Not Allowed");
      case Router.Match.NotFound notFound -> message(404, "Not Found");
    };
  }

  @Override
  public void reset() {
    synchronized (store.lock()) {
      store.clear();
    }
    keys.clear();
    keys.putAll(settings.apiKeys());
    limiter.reset();
  }

  @Override
  public JsonNode objects() {
    ObjectNode all = Json.object();
    for (String type : new String[] {"users", "events", "purchases"}) {
      all.set(type, objects(type));
    }
    return all;
  }

  @Override
  public JsonNode objects(String type) {
    synchronized (store.lock()) {
      return switch (type) {
        case "users", "attributes" -> store.usersJson();
        case "events" -> store.json(store.events);
        case "purchases" -> store.json(store.purchases);
        default -> throw new NoSuchElementException("unknown Braze object type " + type
            + "; known: users, events, purchases");
      };
    }
  }

  @Override
  public Map<String, String> credentials() {
    Map<String, String> credentials = new LinkedHashMap<>();
    credentials.put("api_key", settings.primaryKey());
    return credentials;
  }

  @Override
  public SandboxResponse throttledResponse(SandboxRequest request) {
    return message(429, "Rate Limited").withHeaders(limiter.exhaustedHeaders(endpointClass(request.path())));
  }

  @Override
  public SandboxResponse serverErrorResponse(SandboxRequest request, int status) {
    return message(status, status == 503 ? "Service Unavailable" : "Internal Server Error");
  }

  /**
   * {@code POST /__sandbox/api-keys} {@code {"key": "...", "permissions": [...]}} adds a key;
   * {@code GET /__sandbox/data-points} reports the data points consumed.
   */
  @Override
  public Optional<SandboxResponse> control(String action, SandboxRequest request) {
    if (action.equals("api-keys") && request.method().equals("POST")) {
      JsonNode body = request.bodyJson();
      Set<String> permissions = new HashSet<>();
      body.path("permissions").forEach(p -> permissions.add(p.asText()));
      if (!body.path("key").isTextual() || body.get("key").asText().isBlank()) {
        return Optional.of(SandboxResponse.json(400, Map.of("error", "body needs a \"key\"")));
      }
      addApiKey(body.get("key").asText(), permissions);
      return Optional.of(SandboxResponse.empty(204));
    }
    if (action.equals("data-points") && request.method().equals("GET")) {
      return Optional.of(SandboxResponse.json(200, Map.of("data_points", dataPoints())));
    }
    return Optional.empty();
  }

  static SandboxResponse message(int status, String message) {
    return SandboxResponse.json(status, Map.of("message", message));
  }

  private Router.Handler guarded(EndpointClass type, String permission,
      java.util.function.Function<SandboxRequest, SandboxResponse> handler) {
    return (request, params) -> {
      if (request.method().equals("POST") && request.body().length > MAX_PAYLOAD_BYTES) {
        return message(413, "Payload Too Large: requests are limited to 4 MB");
      }
      String key = request.header("Authorization").filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
          .map(h -> h.substring(7).trim()).orElse("");
      Set<String> granted = keys.get(key);
      if (granted == null) {
        return message(401, "Invalid API key");
      }
      if (!granted.contains(permission)) {
        return message(403, "Access Denied");
      }
      BrazeRateLimiter.Decision decision = limiter.admit(type);
      if (!decision.allowed()) {
        return message(429, "Rate Limited").withHeaders(decision.headers());
      }
      return handler.apply(request).withHeaders(decision.headers());
    };
  }

  private static EndpointClass endpointClass(String path) {
    if (path.startsWith("/users/track")) {
      return EndpointClass.USERS_TRACK;
    }
    if (path.startsWith("/users/")) {
      return EndpointClass.USERS_ADMIN;
    }
    return path.startsWith("/v2/subscription") ? EndpointClass.SUBSCRIPTION : EndpointClass.EXPORT;
  }
}
