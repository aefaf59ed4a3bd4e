package io.activationsuite.sandbox.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sandbox.Emulator;
import io.activationsuite.sandbox.EmulatorContext;
import io.activationsuite.sandbox.Json;
import io.activationsuite.sandbox.Router;
import io.activationsuite.sandbox.SandboxRequest;
import io.activationsuite.sandbox.SandboxResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Emulates the parts of HubSpot's API a data-activation connector uses: CRM v3 batch writes and
 * reads for standard and custom objects, properties and schemas discovery, private-app and OAuth
 * authentication with scopes and token introspection, and HubSpot's rate limits and headers. See
 * {@code docs/sandbox/hubspot.md} for what it covers and what it does not.
 */
public final class HubSpotEmulator implements Emulator {

  /** Name used by the CLI and {@code @SandboxTest}. */
  public static final String NAME = "hubspot";

  /** The policy HubSpot names in a 429 of its ten-second rolling limit ("SECONDLY" is its older name). */
  public static final String TEN_SECONDLY_ROLLING = "TEN_SECONDLY_ROLLING";

  private static final String OBJECTS = "/crm/v3/objects/{type}/batch/";

  private final HubSpotSettings settings;
  private final HubSpotCatalog catalog;
  private final RecordStore store = new RecordStore();
  private final Router router = new Router();
  private HubSpotErrors errors;
  private HubSpotAuth auth;
  private HubSpotRateLimiter limiter;
  private BatchObjectsApi batch;

  /** An emulator with {@link HubSpotSettings#defaults()}. */
  public HubSpotEmulator() {
    this(HubSpotSettings.defaults());
  }

  /** An emulator with the given account and app settings. */
  public HubSpotEmulator(HubSpotSettings settings) {
    this.settings = settings;
    this.catalog = HubSpotCatalog.defaults(settings.hubId());
    router.add("POST", "/oauth/v1/token", (r, p) -> auth.token(r))
        .add("GET", "/oauth/v1/access-tokens/{token}", (r, p) -> auth.accessTokenInfo(p.get("token")))
        .add("POST", "/oauth/v2/private-apps/get/access-token-info", (r, p) -> auth.privateAppTokenInfo(r))
        .add("POST", OBJECTS + "create", objectOp(true, (t, r) -> batch.create(t, r)))
        .add("POST", OBJECTS + "update", objectOp(true, (t, r) -> batch.update(t, r)))
        .add("POST", OBJECTS + "upsert", objectOp(true, (t, r) -> batch.upsert(t, r)))
        .add("POST", OBJECTS + "archive", objectOp(true, (t, r) -> batch.archive(t, r)))
        .add("POST", OBJECTS + "read", objectOp(false, (t, r) -> batch.read(t, r)))
        .add("GET", "/crm/v3/properties/{type}", typed((t, r, p) -> properties(t)))
        .add("GET", "/crm/v3/properties/{type}/{property}", typed((t, r, p) -> property(t, p.get("property"))))
        .add("GET", "/crm/v3/owners", authed((r, p, who) -> auth.requireScope(who, List.of("crm.objects.owners.read"))
            .orElseGet(() -> HubSpotOwners.list(r, errors))))
        .add("GET", "/crm/v3/owners/", authed((r, p, who) -> auth.requireScope(who, List.of("crm.objects.owners.read"))
            .orElseGet(() -> HubSpotOwners.list(r, errors))))
        .add("GET", "/crm/v3/schemas", authed((r, p, who) -> schemas(who)))
        .add("GET", "/crm-object-schemas/v3/schemas", authed((r, p, who) -> schemas(who)))
        .add("GET", "/crm/v3/schemas/{type}", authed((r, p, who) -> schema(p.get("type"), who)))
        .add("GET", "/crm-object-schemas/v3/schemas/{type}", authed((r, p, who) -> schema(p.get("type"), who)));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void start(EmulatorContext emulatorContext) {
    this.errors = new HubSpotErrors(emulatorContext.random());
    this.auth = new HubSpotAuth(settings, emulatorContext.clock(), emulatorContext.faults(),
        emulatorContext.random(), errors);
    this.limiter = new HubSpotRateLimiter(settings.tier(), emulatorContext.clock(), emulatorContext.faults());
    this.batch = new BatchObjectsApi(store, errors, emulatorContext.clock());
  }

  /** The account and app settings. */
  public HubSpotSettings settings() {
    return settings;
  }

  /** The object types of the emulated account. */
  public HubSpotCatalog catalog() {
    return catalog;
  }

  @Override
  public SandboxResponse handle(SandboxRequest request) {
    return switch (router.match(request.method(), request.path())) {
      case Router.Match.Found found -> found.handler().handle(request, found.params());
      case Router.Match.MethodNotAllowed notAllowed -> errors.response(405, "VALIDATION_ERROR",
          "HTTP method " + request.method() + " is not supported by this resource; use " + notAllowed.allowed(),
          null);
      case Router.Match.NotFound notFound -> errors.response(404, "OBJECT_NOT_FOUND",
          "Resource not found: " + request.path(), null);
    };
  }

  @Override
  public void reset() {
    synchronized (store.lock()) {
      store.clear();
    }
    auth.reset();
    limiter.reset();
  }

  @Override
  public JsonNode objects() {
    synchronized (store.lock()) {
      return store.toJson(catalog.types());
    }
  }

  @Override
  public JsonNode objects(String type) {
    ObjectTypeDefinition definition = catalog.resolve(type)
        .orElseThrow(() -> new NoSuchElementException("unknown HubSpot object type " + type));
    synchronized (store.lock()) {
      return store.toJson(definition);
    }
  }

  @Override
  public Map<String, String> credentials() {
    Map<String, String> credentials = new LinkedHashMap<>();
    credentials.put("private_app_token", settings.privateAppToken());
    credentials.put("client_id", settings.clientId());
    credentials.put("client_secret", settings.clientSecret());
    credentials.put("refresh_token", settings.refreshToken());
    credentials.put("hub_id", Long.toString(settings.hubId()));
    return credentials;
  }

  @Override
  public void expireAccessTokens() {
    auth.expireAll();
  }

  @Override
  public SandboxResponse throttledResponse(SandboxRequest request) {
    return tooManyRequests(TEN_SECONDLY_ROLLING).withHeaders(limiter.exhaustedHeaders());
  }

  @Override
  public SandboxResponse serverErrorResponse(SandboxRequest request, int status) {
    return errors.response(status, "INTERNAL_ERROR", "Service temporarily unavailable (injected by the sandbox)",
        null);
  }

  /** A handler that needs a principal. */
  @FunctionalInterface
  private interface AuthedHandler {
    SandboxResponse handle(SandboxRequest request, Map<String, String> params, HubSpotAuth.Principal principal);
  }

  /** A handler on a resolved object type. */
  @FunctionalInterface
  private interface TypedHandler {
    SandboxResponse handle(ObjectTypeDefinition type, SandboxRequest request, Map<String, String> params);
  }

  /** A batch operation on a resolved object type. */
  @FunctionalInterface
  private interface BatchOp {
    SandboxResponse apply(ObjectTypeDefinition type, SandboxRequest request);
  }

  private Router.Handler authed(AuthedHandler handler) {
    return (request, params) -> {
      HubSpotAuth.Outcome outcome = auth.authenticate(request);
      if (outcome.refusal() != null) {
        return outcome.refusal();
      }
      HubSpotAuth.Principal who = outcome.principal();
      HubSpotRateLimiter.Decision decision = limiter.admit(who.appId(), who.oauth());
      if (!decision.allowed()) {
        return tooManyRequests(decision.policy()).withHeaders(decision.headers());
      }
      return handler.handle(request, params, who).withHeaders(decision.headers());
    };
  }

  private Router.Handler typed(TypedHandler handler) {
    return authed((request, params, who) -> {
      Optional<ObjectTypeDefinition> type = catalog.resolve(params.get("type"));
      if (type.isEmpty()) {
        return errors.unknownObjectType(params.get("type"));
      }
      return auth.requireScope(who, type.get().readScopes())
          .orElseGet(() -> handler.handle(type.get(), request, params));
    });
  }

  private Router.Handler objectOp(boolean write, BatchOp op) {
    return authed((request, params, who) -> {
      Optional<ObjectTypeDefinition> type = catalog.resolve(params.get("type"));
      if (type.isEmpty()) {
        return errors.unknownObjectType(params.get("type"));
      }
      List<String> scopes = write ? type.get().writeScopes() : type.get().readScopes();
      return auth.requireScope(who, scopes).orElseGet(() -> op.apply(type.get(), request));
    });
  }

  private SandboxResponse properties(ObjectTypeDefinition type) {
    ObjectNode body = Json.object();
    ArrayNode results = body.putArray("results");
    String timestamp = timestamp();
    type.properties().values().forEach(p -> results.add(p.toJson(timestamp)));
    return SandboxResponse.json(200, body);
  }

  private SandboxResponse property(ObjectTypeDefinition type, String name) {
    return type.property(name)
        .map(p -> SandboxResponse.json(200, p.toJson(timestamp())))
        .orElseGet(() -> errors.response(404, "OBJECT_NOT_FOUND", "Unable to find property " + name
            + " for object type " + type.objectTypeId(), null));
  }

  private SandboxResponse schemas(HubSpotAuth.Principal who) {
    List<String> scopes = List.of("crm.schemas.custom.read", "crm.objects.custom.read", "crm.objects.custom.write");
    return auth.requireScope(who, scopes).orElseGet(() -> {
      ObjectNode body = Json.object();
      ArrayNode results = body.putArray("results");
      catalog.customTypes().forEach(t -> results.add(t.schemaJson(timestamp())));
      return SandboxResponse.json(200, body);
    });
  }

  private SandboxResponse schema(String objectType, HubSpotAuth.Principal who) {
    List<String> scopes = List.of("crm.schemas.custom.read", "crm.objects.custom.read", "crm.objects.custom.write");
    return auth.requireScope(who, scopes).orElseGet(() -> catalog.resolve(objectType)
        .filter(ObjectTypeDefinition::custom)
        .map(t -> SandboxResponse.json(200, t.schemaJson(timestamp())))
        .orElseGet(() -> errors.response(404, "OBJECT_NOT_FOUND", "Unable to find object type " + objectType,
            null)));
  }

  private SandboxResponse tooManyRequests(String policy) {
    ObjectNode body = Json.object();
    body.put("status", "error")
        .put("message", "You have reached your " + policy.toLowerCase(Locale.ROOT) + " limit.")
        .put("errorType", "RATE_LIMIT")
        .put("correlationId", errors.correlationId())
        .put("policyName", policy);
    return SandboxResponse.json(429, body);
  }

  private String timestamp() {
    return "2024-01-01T00:00:00.000Z";
  }
}
