package io.activationsuite.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The vendor-neutral {@code /__sandbox/} endpoint every emulator serves: inspection of stored objects
 * and of the request log, reset, fault configuration and token expiry. Unknown actions are passed to
 * {@link Emulator#control}.
 */
final class ControlEndpoint {

  static final String PREFIX = "/__sandbox";

  private final EmulatorServer server;
  private final Router router = new Router();

  ControlEndpoint(EmulatorServer server) {
    this.server = server;
    router.add("GET", PREFIX + "/info", (r, p) -> SandboxResponse.json(200, info()))
        .add("GET", PREFIX + "/objects", (r, p) -> SandboxResponse.json(200, server.objects()))
        .add("GET", PREFIX + "/objects/{type}", (r, p) -> objectsOf(p.get("type")))
        .add("GET", PREFIX + "/requests", (r, p) -> SandboxResponse.json(200, server.requests().entries()))
        .add("DELETE", PREFIX + "/requests", (r, p) -> {
          server.requests().clear();
          return SandboxResponse.empty(204);
        })
        .add("POST", PREFIX + "/reset", (r, p) -> {
          server.reset();
          return SandboxResponse.empty(204);
        })
        .add("GET", PREFIX + "/faults", (r, p) -> SandboxResponse.json(200, faultState()))
        .add("PUT", PREFIX + "/faults", (r, p) -> putFaults(r))
        .add("POST", PREFIX + "/faults/fail-next", (r, p) -> {
          JsonNode body = r.bodyJson();
          server.faults().failNext(count(body), body.path("status").asInt(503));
          return SandboxResponse.json(200, faultState());
        })
        .add("POST", PREFIX + "/faults/throttle-next", (r, p) -> {
          server.faults().throttleNext(count(r.bodyJson()));
          return SandboxResponse.json(200, faultState());
        })
        .add("POST", PREFIX + "/faults/throttle-for", (r, p) -> {
          server.faults().throttleFor(Duration.ofMillis(r.bodyJson().path("millis").asLong()));
          return SandboxResponse.json(200, faultState());
        })
        .add("POST", PREFIX + "/faults/reset-next", (r, p) -> {
          server.faults().resetNext(count(r.bodyJson()));
          return SandboxResponse.json(200, faultState());
        })
        .add("POST", PREFIX + "/faults/timeout-next", (r, p) -> {
          server.faults().timeoutNext(count(r.bodyJson()));
          return SandboxResponse.json(200, faultState());
        })
        .add("POST", PREFIX + "/tokens/expire", (r, p) -> {
          server.expireAccessTokens();
          return SandboxResponse.empty(204);
        });
  }

  SandboxResponse handle(SandboxRequest request) {
    try {
      return switch (router.match(request.method(), request.path())) {
        case Router.Match.Found found -> found.handler().handle(request, found.params());
        case Router.Match.MethodNotAllowed notAllowed -> error(405, "method not allowed; use " + notAllowed.allowed());
        case Router.Match.NotFound notFound -> server.emulator()
            .control(request.path().substring(Math.min(request.path().length(), PREFIX.length() + 1)), request)
            .orElseGet(() -> error(404, "unknown sandbox control path " + request.path()));
      };
    } catch (Json.MalformedJsonException | IllegalArgumentException e) {
      return error(400, e.getMessage());
    }
  }

  private Map<String, Object> info() {
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("name", server.name());
    info.put("baseUrl", server.baseUrl().toString());
    info.put("credentials", server.credentials());
    info.put("instance", server.instance());
    return info;
  }

  private SandboxResponse objectsOf(String type) {
    try {
      return SandboxResponse.json(200, server.objects(type));
    } catch (NoSuchElementException e) {
      return error(404, e.getMessage());
    }
  }

  private FaultState faultState() {
    return new FaultState(server.faults().config(), server.faults().pending());
  }

  private SandboxResponse putFaults(SandboxRequest request) {
    FaultState state = Json.bind(request.bodyJson(), FaultState.class);
    FaultController faults = server.faults();
    faults.set(state.config() == null ? FaultConfig.none() : state.config());
    faults.setPending(state.pending() == null
        ? new PendingFaults(null, null, null, null, null, null, null, null) : state.pending());
    return SandboxResponse.json(200, faultState());
  }

  private static int count(JsonNode body) {
    JsonNode count = body.path("count");
    if (!count.canConvertToInt() || count.asInt() < 0) {
      throw new IllegalArgumentException("body must carry a non-negative integer \"count\"");
    }
    return count.asInt();
  }

  private static SandboxResponse error(int status, String message) {
    return SandboxResponse.json(status, Map.of("error", message == null ? "invalid request" : message));
  }
}
