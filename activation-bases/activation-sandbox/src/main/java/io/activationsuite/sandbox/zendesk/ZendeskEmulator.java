package io.activationsuite.sandbox.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sandbox.Emulator;
import io.activationsuite.sandbox.EmulatorContext;
import io.activationsuite.sandbox.Json;
import io.activationsuite.sandbox.Router;
import io.activationsuite.sandbox.SandboxRequest;
import io.activationsuite.sandbox.SandboxResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Emulates the parts of Zendesk's Support API a data-activation connector uses: OAuth (refresh-token
 * rotation, client credentials) and API-token auth with scopes; bulk writes of users, organizations,
 * tickets and custom object records answered with a {@code job_status} that a background worker moves from
 * queued to working to completed (per-item results in input order) or failed; {@code job_statuses} and
 * {@code show_many}; the 30-active-job cap; custom fields with Zendesk's validation; per-plan rate limits
 * and headers. See {@code docs/sandbox/zendesk.md} for coverage and gaps.
 */
public final class ZendeskEmulator implements Emulator {

  /** Name used by the CLI and {@code @SandboxTest}. */
  public static final String NAME = "zendesk";
  /** Zendesk's maximum number of items per bulk request. */
  public static final int MAX_ITEMS = 100;

  private static final String API = "/api/v2";

  private final ZendeskSettings settings;
  private final FieldCatalog catalog = new FieldCatalog();
  private final Router router = new Router();
  private String baseUrl;
  private ZendeskAuth auth;
  private ZendeskRateLimiter limiter;
  private ZendeskRecords records;
  private JobEngine jobs;
  private volatile boolean bulkImportEnabled;

  /** An emulator with {@link ZendeskSettings#defaults()}. */
  public ZendeskEmulator() {
    this(ZendeskSettings.defaults());
  }

  /** An emulator with the given account settings. */
  public ZendeskEmulator(ZendeskSettings settings) {
    this.settings = settings;
    this.bulkImportEnabled = settings.bulkImportEnabled();
    router.add("GET", API + "/users/me", scoped("users", "read", (r, p) -> me()))
        .add("GET", API + "/user_fields", scoped("users", "read", (r, p) -> fields("user_fields",
            catalog.userFields())))
        .add("GET", API + "/organization_fields", scoped("organizations", "read",
            (r, p) -> fields("organization_fields", catalog.organizationFields())))
        .add("GET", API + "/ticket_fields", scoped("tickets", "read", (r, p) -> fields("ticket_fields",
            catalog.ticketFields())))
        .add("GET", API + "/custom_objects", scoped("custom_objects", "read", (r, p) -> customObjects()))
        .add("GET", API + "/custom_objects/{key}/fields", scoped("custom_objects", "read",
            (r, p) -> customObjectFields(p.get("key"))))
        .add("POST", API + "/custom_objects/{key}/jobs", scoped("custom_objects", "write",
            (r, p) -> customObjectJob(r, p.get("key"))))
        .add("GET", API + "/custom_objects/{key}/records/{id}", scoped("custom_objects", "read",
            (r, p) -> single("custom_object_record", records.customRecord(p.get("key"), p.get("id")))))
        .add("POST", API + "/users/create_many", scoped("users", "write", (r, p) -> bulkUsers(r, false)))
        .add("POST", API + "/users/create_or_update_many", scoped("users", "write", (r, p) -> bulkUsers(r, true)))
        .add("PUT", API + "/users/update_many", scoped("users", "write", (r, p) -> updateMany(r, "user", "users",
            "bulk_update_users", records::updateUser)))
        .add("DELETE", API + "/users/destroy_many", scoped("users", "write", (r, p) -> destroyMany(r,
            "bulk_delete_users", records::deleteUser)))
        .add("GET", API + "/users/show_many", scoped("users", "read", (r, p) -> showMany(r, "users",
            records::user)))
        .add("GET", API + "/users/search", scoped("users", "read", (r, p) -> searchUsers(r)))
        .add("GET", API + "/users/{id}", scoped("users", "read", (r, p) -> single("user", records.user(p.get("id")))))
        .add("POST", API + "/organizations/create_many", scoped("organizations", "write",
            (r, p) -> bulk(r, "organizations", "bulk_create_organizations", records::createOrganization)))
        .add("POST", API + "/organizations/create_or_update", scoped("organizations", "write",
            (r, p) -> createOrUpdateOrganization(r)))
        .add("PUT", API + "/organizations/update_many", scoped("organizations", "write", (r, p) -> updateMany(r,
            "organization", "organizations", "bulk_update_organizations", records::updateOrganization)))
        .add("DELETE", API + "/organizations/destroy_many", scoped("organizations", "write", (r, p) -> destroyMany(
            r, "bulk_delete_organizations", records::deleteOrganization)))
        .add("GET", API + "/organizations/show_many", scoped("organizations", "read", (r, p) -> showMany(r,
            "organizations", records::organization)))
        .add("GET", API + "/organizations/{id}", scoped("organizations", "read",
            (r, p) -> single("organization", records.organization(p.get("id")))))
        .add("POST", API + "/tickets/create_many", scoped("tickets", "write",
            (r, p) -> bulk(r, "tickets", "bulk_create_tickets", records::createTicket)))
        .add("PUT", API + "/tickets/update_many", scoped("tickets", "write", (r, p) -> updateMany(r, "ticket",
            "tickets", "bulk_update_tickets", records::updateTicket)))
        .add("GET", API + "/tickets/{id}", scoped("tickets", "read", (r, p) -> single("ticket",
            records.ticket(p.get("id")))))
        .add("GET", API + "/job_statuses", scoped("read", "read", (r, p) -> jobList()))
        .add("GET", API + "/job_statuses/show_many", scoped("read", "read", (r, p) -> jobShowMany(r)))
        .add("GET", API + "/job_statuses/{id}", scoped("read", "read", (r, p) -> job(p.get("id"))));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void start(EmulatorContext context) {
    this.baseUrl = context.baseUrl().toString().replaceAll("/$", "");
    this.auth = new ZendeskAuth(settings, context.clock(), context.faults(), context.random());
    this.limiter = new ZendeskRateLimiter(settings.plan(), context.clock(), context.faults());
    this.records = new ZendeskRecords(context.clock(), catalog, baseUrl);
    this.jobs = new JobEngine(context.clock(), context.random(), settings.jobProfile());
  }

  @Override
  public void stop() {
    jobs.close();
  }

  /** The account settings. */
  public ZendeskSettings settings() {
    return settings;
  }

  /** Sets how fast jobs run from now on. */
  public void jobProfile(JobProfile profile) {
    jobs.profile(profile);
  }

  /** Keeps new jobs queued until {@link #releaseJobs()}. */
  public void holdJobs() {
    jobs.hold();
  }

  /** Starts the held jobs; returns how many. */
  public int releaseJobs() {
    return jobs.release();
  }

  /** The next {@code count} jobs end {@code failed} without writing anything. */
  public void failNextJobs(int count) {
    jobs.failNext(count);
  }

  /** Jobs queued or working now. */
  public long activeJobs() {
    return jobs.active();
  }

  /** Enables or disables bulk user import (disabled: 403 on users create_many/create_or_update_many). */
  public void bulkImportEnabled(boolean enabled) {
    this.bulkImportEnabled = enabled;
  }

  /** The refresh token valid now (each refresh rotates it). */
  public String currentRefreshToken() {
    return auth.latestRefreshToken();
  }

  @Override
  public SandboxResponse handle(SandboxRequest request) {
    String path = request.path().endsWith(".json") ? request.path().substring(0, request.path().length() - 5)
        : request.path();
    if (path.equals("/oauth/tokens") && request.method().equals("POST")) {
      return auth.token(request);
    }
    ZendeskAuth.Outcome outcome = auth.authenticate(request);
    if (outcome.refusal() != null) {
      return outcome.refusal();
    }
    ZendeskRateLimiter.Decision decision = limiter.admit();
    if (!decision.allowed()) {
      return tooManyRequests(decision.retryAfterSeconds()).withHeaders(decision.headers());
    }
    if (path.equals(API + "/oauth/tokens/current")) {
      return auth.current(outcome.principal()).withHeaders(decision.headers());
    }
    SandboxResponse response = switch (router.match(request.method(), path)) {
      case Router.Match.Found found -> found.handler().handle(withPrincipal(request, outcome.principal()),
          found.params());
      case Router.Match.MethodNotAllowed notAllowed -> ZendeskErrors.error(405, "MethodNotAllowed",
          "Use " + notAllowed.allowed());
      case Router.Match.NotFound notFound -> ZendeskErrors.error(404, "InvalidEndpoint", "Not found");
    };
    return response.withHeaders(decision.headers());
  }

  @Override
  public void reset() {
    records.clear();
    auth.reset();
    limiter.reset();
    jobs.reset();
    jobs.profile(settings.jobProfile());
    bulkImportEnabled = settings.bulkImportEnabled();
  }

  @Override
  public JsonNode objects() {
    return records.toJson();
  }

  @Override
  public JsonNode objects(String type) {
    return records.toJson(type).orElseThrow(() -> new NoSuchElementException("unknown Zendesk object " + type));
  }

  @Override
  public Map<String, String> credentials() {
    Map<String, String> credentials = new LinkedHashMap<>();
    credentials.put("email", settings.email());
    credentials.put("api_token", settings.apiToken());
    credentials.put("client_id", settings.clientId());
    credentials.put("client_secret", settings.clientSecret());
    credentials.put("refresh_token", auth == null ? settings.refreshToken() : auth.latestRefreshToken());
    credentials.put("plan", settings.plan().name().toLowerCase(java.util.Locale.ROOT));
    return credentials;
  }

  @Override
  public void expireAccessTokens() {
    auth.expireAll();
  }

  @Override
  public SandboxResponse throttledResponse(SandboxRequest request) {
    return tooManyRequests(1).withHeaders(limiter.exhaustedHeaders());
  }

  @Override
  public SandboxResponse serverErrorResponse(SandboxRequest request, int status) {
    return ZendeskErrors.error(status, "ServiceUnavailable", "Service temporarily unavailable (injected by the"
        + " sandbox)");
  }

  @Override
  public Optional<SandboxResponse> control(String action, SandboxRequest request) {
    JsonNode body = request.body().length == 0 ? Json.object() : request.bodyJson();
    return switch (action) {
      case "jobs/hold" -> {
        holdJobs();
        yield Optional.of(SandboxResponse.json(200, Map.of("held", true)));
      }
      case "jobs/release" -> Optional.of(SandboxResponse.json(200, Map.of("released", releaseJobs())));
      case "jobs/fail-next" -> {
        failNextJobs(body.path("count").asInt(1));
        yield Optional.of(SandboxResponse.json(200, Map.of("count", body.path("count").asInt(1))));
      }
      case "jobs/profile" -> {
        if (body.has("profile")) {
          jobProfile(JobProfile.parse(body.get("profile").asText()));
        }
        yield Optional.of(SandboxResponse.json(200, Map.of("queued_delay_ms", jobs.profile().queuedDelay()
            .toMillis(), "items_per_second", jobs.profile().itemsPerSecond(), "active", jobs.active())));
      }
      case "bulk-import" -> {
        bulkImportEnabled(body.path("enabled").asBoolean(true));
        yield Optional.of(SandboxResponse.json(200, Map.of("enabled", bulkImportEnabled)));
      }
      case "oauth/refresh-token" -> Optional.of(SandboxResponse.json(200,
          Map.of("refresh_token", auth.latestRefreshToken())));
      default -> Optional.empty();
    };
  }

  // ---- handlers ----

  /** The principal travels with the request as a header only the emulator sets. */
  private static final String PRINCIPAL = "x-sandbox-scopes";

  private static SandboxRequest withPrincipal(SandboxRequest request, ZendeskAuth.Principal principal) {
    Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
    headers.put(PRINCIPAL, List.of(String.join(" ", principal.scopes())));
    return new SandboxRequest(request.method(), request.path(), request.query(), headers, request.body());
  }

  private Router.Handler scoped(String resource, String access, Router.Handler handler) {
    return (request, params) -> {
      Set<String> scopes = Set.of(request.header(PRINCIPAL).orElse("").split(" "));
      ZendeskAuth.Principal principal = new ZendeskAuth.Principal(null, scopes);
      Optional<SandboxResponse> refusal = resource.equals("read") ? Optional.empty()
          : auth.require(principal, resource, access);
      return refusal.orElseGet(() -> handler.handle(request, params));
    };
  }

  private SandboxResponse me() {
    ObjectNode body = Json.object();
    body.putObject("user").put("id", 1L).put("name", "Sandbox Admin").put("email", settings.email())
        .put("role", "admin").put("active", true).put("url", baseUrl + API + "/users/1.json");
    return SandboxResponse.json(200, body);
  }

  private SandboxResponse fields(String kind, List<FieldDefinition> definitions) {
    ObjectNode body = Json.object();
    ArrayNode array = body.putArray(kind);
    for (int i = 0; i < definitions.size(); i++) {
      array.add(definitions.get(i).toJson(baseUrl, kind, i));
    }
    body.putNull("next_page").putNull("previous_page").put("count", definitions.size());
    return SandboxResponse.json(200, body);
  }

  private SandboxResponse customObjects() {
    ObjectNode body = Json.object();
    ArrayNode array = body.putArray("custom_objects");
    for (FieldCatalog.CustomObject object : catalog.customObjects()) {
      array.addObject().put("key", object.key()).put("title", object.title()).put("raw_title", object.title())
          .put("title_pluralized", object.pluralTitle()).put("raw_title_pluralized", object.pluralTitle())
          .put("description", "").put("url", baseUrl + API + "/custom_objects/" + object.key() + ".json")
          .put("created_at", "2024-01-01T00:00:00Z").put("updated_at", "2024-01-01T00:00:00Z");
    }
    return SandboxResponse.json(200, body);
  }

  private SandboxResponse customObjectFields(String key) {
    return catalog.customObject(key).map(o -> fields("custom_object_fields", o.fields()))
        .orElseGet(ZendeskErrors::notFound);
  }

  private SandboxResponse customObjectJob(SandboxRequest request, String key) {
    Optional<FieldCatalog.CustomObject> object = catalog.customObject(key);
    if (object.isEmpty()) {
      return ZendeskErrors.notFound();
    }
    JsonNode job = body(request).path("job");
    String action = job.path("action").asText("");
    if (!Set.of("create", "update", "create_or_update_by_external_id", "delete", "delete_by_external_id")
        .contains(action)) {
      return ZendeskErrors.invalidPayload("job.action must be one of create, update, "
          + "create_or_update_by_external_id, delete, delete_by_external_id");
    }
    return submit(items(job.path("items")), "items", "custom_object_record_" + action,
        (item, index) -> records.customRecordItem(object.get(), action, item, index));
  }

  private SandboxResponse bulkUsers(SandboxRequest request, boolean upsert) {
    if (!bulkImportEnabled) {
      return ZendeskErrors.dataImportsDisabled();
    }
    return submit(items(body(request).path("users")), "users",
        upsert ? "bulk_create_or_update_users" : "bulk_create_users",
        (item, index) -> records.upsertUser(item, index, upsert));
  }

  private SandboxResponse bulk(SandboxRequest request, String plural, String jobType, ItemProcessor processor) {
    return submit(items(body(request).path(plural)), plural, jobType, processor);
  }

  /** update_many: a batch array with ids (or external ids), or one change applied to {@code ?ids=}. */
  private SandboxResponse updateMany(SandboxRequest request, String singular, String plural, String jobType,
      ItemProcessor processor) {
    JsonNode body = body(request);
    Optional<String> ids = request.queryParam("ids");
    Optional<String> externalIds = request.queryParam("external_ids");
    if (ids.isPresent() || externalIds.isPresent()) {
      JsonNode change = body.path(singular);
      if (!change.isObject()) {
        return ZendeskErrors.invalidPayload("Expected a '" + singular + "' object");
      }
      List<JsonNode> items = new ArrayList<>();
      for (String id : ids.or(() -> externalIds).get().split(",")) {
        items.add(((ObjectNode) change.deepCopy()).put(ids.isPresent() ? "id" : "external_id", id.trim()));
      }
      return submit(items, ids.isPresent() ? "ids" : "external_ids", jobType, processor);
    }
    return submit(items(body.path(plural)), plural, jobType, processor);
  }

  private SandboxResponse destroyMany(SandboxRequest request, String jobType, DeleteProcessor processor) {
    Optional<String> ids = request.queryParam("ids");
    Optional<String> externalIds = request.queryParam("external_ids");
    if (ids.isEmpty() && externalIds.isEmpty()) {
      return ZendeskErrors.invalidPayload("ids or external_ids is required");
    }
    List<JsonNode> keys = new ArrayList<>();
    for (String id : ids.or(() -> externalIds).get().split(",")) {
      keys.add(Json.tree(id.trim()));
    }
    boolean byExternal = ids.isEmpty();
    return submit(keys, byExternal ? "external_ids" : "ids", jobType,
        (key, index) -> processor.delete(key.asText(), byExternal, index));
  }

  private SandboxResponse createOrUpdateOrganization(SandboxRequest request) {
    JsonNode org = body(request).path("organization");
    if (!org.isObject()) {
      return ZendeskErrors.invalidPayload("Expected an 'organization' object");
    }
    ObjectNode result = records.createOrUpdateOrganization(org);
    if (!result.path("success").asBoolean()) {
      String details = result.path("details").asText();
      String attribute = details.contains(":") ? details.substring(0, details.indexOf(':')).toLowerCase(
          java.util.Locale.ROOT).replace(' ', '_') : "base";
      return ZendeskErrors.recordInvalid(attribute, result.path("error").asText(), details);
    }
    ObjectNode body = Json.object();
    body.set("organization", result.get("organization"));
    return SandboxResponse.json("Created".equals(result.path("status").asText()) ? 201 : 200, body);
  }

  private SandboxResponse showMany(SandboxRequest request, String plural, Function<String, Optional<ObjectNode>> get) {
    ObjectNode body = Json.object();
    ArrayNode array = body.putArray(plural);
    request.queryParam("ids").ifPresent(ids -> {
      for (String id : ids.split(",")) {
        get.apply(id.trim()).ifPresent(array::add);
      }
    });
    return SandboxResponse.json(200, body);
  }

  /**
   * {@code GET /users/search?query=}: the emulator reads {@code email:ADDRESS} (quoted or not, or a bare
   * address), {@code role:ROLE} and {@code type:user}; one page, as Zendesk answers a search by email.
   */
  private SandboxResponse searchUsers(SandboxRequest request) {
    String query = request.queryParam("query").orElse("").trim();
    if (query.isEmpty()) {
      return ZendeskErrors.invalidPayload("query is required");
    }
    String email = null;
    String role = null;
    for (String term : query.split("\\s+")) {
      String value = term.contains(":") ? term.substring(term.indexOf(':') + 1).replace("\"", "") : term;
      if (term.startsWith("email:") || (!term.contains(":") && term.contains("@"))) {
        email = value;
      } else if (term.startsWith("role:")) {
        role = value;
      }
    }
    ObjectNode body = Json.object();
    ArrayNode array = body.putArray("users");
    if (email != null) {
      records.usersByEmail(email, role).forEach(array::add);
    }
    body.putNull("next_page").putNull("previous_page").put("count", array.size());
    return SandboxResponse.json(200, body);
  }

  private SandboxResponse single(String name, Optional<ObjectNode> record) {
    return record.map(r -> {
      ObjectNode body = Json.object();
      body.set(name, r);
      return SandboxResponse.json(200, body);
    }).orElseGet(ZendeskErrors::notFound);
  }

  private SandboxResponse job(String id) {
    return jobs.find(id).map(j -> {
      ObjectNode body = Json.object();
      body.set("job_status", j.toJson(baseUrl));
      return SandboxResponse.json(200, body);
    }).orElseGet(ZendeskErrors::notFound);
  }

  private SandboxResponse jobShowMany(SandboxRequest request) {
    String[] ids = request.queryParam("ids").orElse("").split(",");
    if (ids.length > MAX_ITEMS) {
      return ZendeskErrors.error(400, "InvalidValue", "Too many ids given (max " + MAX_ITEMS + ")");
    }
    ObjectNode body = Json.object();
    ArrayNode array = body.putArray("job_statuses");
    for (String id : ids) {
      if (!id.isBlank()) {
        jobs.find(id.trim()).ifPresent(j -> array.add(j.toJson(baseUrl)));
      }
    }
    return SandboxResponse.json(200, body);
  }

  private SandboxResponse jobList() {
    ObjectNode body = Json.object();
    ArrayNode array = body.putArray("job_statuses");
    jobs.recent().forEach(j -> array.add(j.toJson(baseUrl)));
    body.putNull("next_page").putNull("previous_page").put("count", array.size());
    return SandboxResponse.json(200, body);
  }

  // ---- jobs ----

  /** Processes one item of a bulk job. */
  @FunctionalInterface
  private interface ItemProcessor {
    ObjectNode apply(JsonNode item, int index);
  }

  /** Deletes one record by id or external id. */
  @FunctionalInterface
  private interface DeleteProcessor {
    ObjectNode delete(String key, boolean byExternalId, int index);
  }

  private SandboxResponse submit(List<JsonNode> items, String parameter, String jobType, ItemProcessor processor) {
    if (items == null) {
      return ZendeskErrors.invalidPayload("Expected an array of items");
    }
    if (items.isEmpty()) {
      return ZendeskErrors.error(400, "InvalidValue", "At least one item is required");
    }
    if (items.size() > MAX_ITEMS) {
      return ZendeskErrors.tooManyValues(parameter, MAX_ITEMS);
    }
    List<JsonNode> copy = List.copyOf(items);
    Optional<ZendeskJob> job = jobs.submit(jobType, copy.size(), () -> {
      ArrayNode results = Json.array();
      for (int i = 0; i < copy.size(); i++) {
        results.add(processor.apply(copy.get(i), i));
      }
      return results;
    });
    if (job.isEmpty()) {
      return ZendeskErrors.error(429, "TooManyJobs", "Too many jobs are queued or running for this account (at "
          + "most " + JobEngine.MAX_ACTIVE_JOBS + "). Wait for some to finish, then retry.")
          .withHeader("Retry-After", "5");
    }
    ObjectNode body = Json.object();
    body.set("job_status", job.get().toJson(baseUrl));
    return SandboxResponse.json(200, body);
  }

  private static List<JsonNode> items(JsonNode array) {
    if (!array.isArray()) {
      return null;
    }
    List<JsonNode> items = new ArrayList<>();
    array.forEach(items::add);
    return items;
  }

  private static JsonNode body(SandboxRequest request) {
    try {
      return request.body().length == 0 ? Json.object() : request.bodyJson();
    } catch (Json.MalformedJsonException e) {
      return Json.object();
    }
  }

  private SandboxResponse tooManyRequests(long retryAfterSeconds) {
    return ZendeskErrors.error(429, "APIRateLimitExceeded", "Number of allowed API requests per minute exceeded")
        .withHeader("Retry-After", Long.toString(retryAfterSeconds));
  }
}
