package io.activationsuite.sandbox.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sandbox.Emulator;
import io.activationsuite.sandbox.EmulatorContext;
import io.activationsuite.sandbox.Json;
import io.activationsuite.sandbox.Router;
import io.activationsuite.sandbox.SandboxRequest;
import io.activationsuite.sandbox.SandboxResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Emulates a Salesforce org's write APIs over HTTP: OAuth token endpoint, describe, sObject Collections,
 * Bulk API 2.0 ingest and limits, with Salesforce's auth, error and allocation behaviour. See
 * {@code docs/sandbox/salesforce.md} for what is covered and the known gaps.
 */
public final class SalesforceEmulator implements Emulator {
  /** Name used by the CLI and {@code @SandboxTest("salesforce")}. */
  public static final String NAME = "salesforce";

  private static final Pattern VERSION = Pattern.compile("v(\\d{2})\\.0");
  private static final String API = "/services/data/{version}";
  private static final String CSV = "text/csv";

  private final SalesforceSettings settings;
  private final Router router = new Router();
  private volatile EmulatorContext context;
  private volatile SalesforceOrg org;
  private volatile long dailyApiRequests;

  /** An emulator with the given start-up settings. */
  public SalesforceEmulator(SalesforceSettings settings) {
    this.settings = settings;
    this.dailyApiRequests = settings.dailyApiRequests();
    router.add("GET", "/services/data", (r, p) -> SandboxResponse.json(200, SalesforceJson.versions()))
        .add("POST", "/services/oauth2/token", (r, p) -> token(r))
        .add("GET", API, api((r, p) -> SandboxResponse.json(200, SalesforceJson.resources(version(p)))))
        .add("GET", API + "/limits", api((r, p) -> SandboxResponse.json(200, SalesforceJson.limits(org.limits()))))
        .add("GET", API + "/sobjects", api((r, p) -> SandboxResponse.json(200,
            SalesforceJson.describeGlobal(org.schema(), version(p)))))
        .add("GET", API + "/sobjects/{object}/describe", api((r, p) -> SandboxResponse.json(200,
            SalesforceJson.describe(object(p), version(p)))))
        .add("GET", API + "/query", api(this::query))
        .add("GET", API + "/sobjects/{object}", api(this::objectInfo))
        .add("GET", API + "/sobjects/{object}/{id}", api(this::retrieve))
        .add("POST", API + "/composite/sobjects", api((r, p) -> saveResults(org.collections().create(json(r)), false)))
        .add("PATCH", API + "/composite/sobjects", api((r, p) -> saveResults(org.collections().update(json(r)), false)))
        .add("DELETE", API + "/composite/sobjects", api(this::collectionsDelete))
        .add("PATCH", API + "/composite/sobjects/{object}/{field}", api((r, p) -> saveResults(
            org.collections().upsert(p.get("object"), p.get("field"), json(r)), true)))
        .add("POST", API + "/jobs/ingest", api(this::createJob))
        .add("GET", API + "/jobs/ingest", api((r, p) -> SandboxResponse.json(200,
            SalesforceJson.jobList(org.bulk().list()))))
        .add("GET", API + "/jobs/ingest/{jobId}", api((r, p) -> SandboxResponse.json(200,
            SalesforceJson.job(org.bulk().get(p.get("jobId")), true))))
        .add("PATCH", API + "/jobs/ingest/{jobId}", api(this::changeJobState))
        .add("DELETE", API + "/jobs/ingest/{jobId}", api((r, p) -> {
          org.bulk().delete(p.get("jobId"));
          return SandboxResponse.empty(204);
        }))
        .add("PUT", API + "/jobs/ingest/{jobId}/batches", api((r, p) -> {
          org.bulk().upload(p.get("jobId"), r.body());
          return SandboxResponse.empty(201);
        }))
        .add("GET", API + "/jobs/ingest/{jobId}/successfulResults", api((r, p) ->
            csv(org.bulk().successfulResults(p.get("jobId")))))
        .add("GET", API + "/jobs/ingest/{jobId}/failedResults", api((r, p) ->
            csv(org.bulk().failedResults(p.get("jobId")))))
        .add("GET", API + "/jobs/ingest/{jobId}/unprocessedrecords", api((r, p) ->
            csv(org.bulk().unprocessedRecords(p.get("jobId")))));
  }

  /** An emulator with default settings. */
  public SalesforceEmulator() {
    this(SalesforceSettings.from(Map.of()));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void start(EmulatorContext emulatorContext) {
    this.context = emulatorContext;
    this.org = newOrg();
  }

  @Override
  public SandboxResponse handle(SandboxRequest request) {
    return switch (router.match(request.method(), request.path())) {
      case Router.Match.Found found -> found.handler().handle(request, found.params());
      case Router.Match.MethodNotAllowed notAllowed -> api((r, p) -> errorResponse(new SalesforceApiException(405,
          "METHOD_NOT_ALLOWED", "HTTP Method '" + r.method() + "' not allowed. Allowed are "
          + String.join(",", notAllowed.allowed())))).handle(request, versionOf(request.path()));
      case Router.Match.NotFound notFound -> request.path().startsWith("/services/data/")
          ? api((r, p) -> errorResponse(SalesforceApiException.notFound())).handle(request, versionOf(request.path()))
          : errorResponse(SalesforceApiException.notFound());
    };
  }

  @Override
  public synchronized void reset() {
    SalesforceOrg previous = org;
    dailyApiRequests = settings.dailyApiRequests();
    org = newOrg();
    if (previous != null) {
      previous.close();
    }
  }

  @Override
  public synchronized void stop() {
    if (org != null) {
      org.close();
    }
  }

  @Override
  public JsonNode objects() {
    ObjectNode root = Json.object();
    SalesforceOrg current = org;
    current.store().counts().keySet().forEach(name -> root.set(name, objects(name)));
    return root;
  }

  @Override
  public JsonNode objects(String type) {
    ObjectDescriptor object = org.schema().find(type)
        .orElseThrow(() -> new NoSuchElementException("unknown sObject '" + type + "'"));
    ArrayNode array = Json.array();
    org.store().records(object.name()).forEach(r -> array.add(SalesforceJson.record(object.name(), r,
        SalesforceJson.MAX_VERSION + ".0")));
    return array;
  }

  @Override
  public Map<String, String> credentials() {
    Map<String, String> credentials = new LinkedHashMap<>();
    String base = context == null ? "" : context.baseUrl().toString();
    credentials.put("instance_url", base);
    credentials.put("token_url", base + "/services/oauth2/token");
    credentials.put("client_id", settings.clientId());
    credentials.put("client_secret", settings.clientSecret());
    credentials.put("refresh_token", settings.refreshToken());
    return credentials;
  }

  @Override
  public void expireAccessTokens() {
    org.auth().expireAllSessions();
  }

  @Override
  public SandboxResponse throttledResponse(SandboxRequest request) {
    return withLimitInfo(errorResponse(new SalesforceApiException(403, "REQUEST_LIMIT_EXCEEDED",
        "TotalRequests Limit exceeded.")));
  }

  @Override
  public SandboxResponse serverErrorResponse(SandboxRequest request, int status) {
    String code = status == 503 ? "SERVER_UNAVAILABLE" : "UNKNOWN_EXCEPTION";
    String message = status == 503 ? "Server temporarily unavailable, please retry"
        : "An unexpected error occurred. Please include this ErrorId if you contact support: 000000000-00000";
    return errorResponse(new SalesforceApiException(status, code, message));
  }

  @Override
  public Optional<SandboxResponse> control(String action, SandboxRequest request) {
    return new SalesforceControl(this).handle(action, request);
  }

  /** The current org (replaced on reset): records, auth, limits, faults and Bulk engine. */
  public SalesforceOrg org() {
    return org;
  }

  /** Changes the daily API allocation until the next reset. */
  public void dailyApiRequests(long max) {
    if (max < 0) {
      throw new IllegalArgumentException("max must not be negative");
    }
    dailyApiRequests = max;
  }

  /** Issues a valid access token without the OAuth round trip. */
  public String issueAccessToken() {
    return org.auth().issueSession();
  }

  /** Live records of an object as stored (field name to typed value). */
  public List<Map<String, Object>> records(String objectName) {
    return org.store().records(objectName);
  }

  /** All Bulk jobs, oldest first. */
  public List<BulkJobInfo> jobs() {
    return org.bulk().list();
  }

  private SalesforceOrg newOrg() {
    EmulatorContext ctx = context;
    return new SalesforceOrg(settings, ctx.clock(), ctx.options().seed(),
        () -> Optional.ofNullable(ctx.faults().config().dailyLimit()).orElse(dailyApiRequests),
        () -> Optional.ofNullable(ctx.faults().config().tokenLifetimeSeconds()).map(Duration::ofSeconds)
            .orElse(settings.sessionLifetime()));
  }

  private SandboxResponse token(SandboxRequest request) {
    try {
      TokenResponse t = org.auth().token(request.formParams(), context.baseUrl().toString());
      ObjectNode body = Json.object().put("access_token", t.accessToken()).put("signature", t.signature())
          .put("scope", t.scope()).put("instance_url", t.instanceUrl()).put("id", t.id())
          .put("token_type", t.tokenType()).put("issued_at", t.issuedAt());
      return SandboxResponse.json(200, body);
    } catch (OAuthError e) {
      return SandboxResponse.json(e.status(), Json.object().put("error", e.error())
          .put("error_description", e.description()));
    }
  }

  /** Wraps an API handler with version check, session auth, API permission, allocation and error mapping. */
  private Router.Handler api(Router.Handler handler) {
    return (request, params) -> {
      SalesforceOrg current = org;
      if (!VERSION.matcher(params.getOrDefault("version", "")).matches()
          || !supported(params.get("version"))) {
        return errorResponse(SalesforceApiException.notFound());
      }
      if (!current.auth().isValidSession(bearer(request))) {
        return errorResponse(new SalesforceApiException(401, "INVALID_SESSION_ID", "Session expired or invalid"));
      }
      if (!current.auth().apiEnabled()) {
        return errorResponse(new SalesforceApiException(403, "API_DISABLED_FOR_ORG",
            "The REST API is not enabled for this Organization."));
      }
      if (!current.limits().tryConsumeRequest()) {
        return throttledResponse(request);
      }
      SandboxResponse response;
      try {
        response = handler.handle(request, params);
      } catch (SalesforceApiException e) {
        response = errorResponse(e);
      } catch (Json.MalformedJsonException e) {
        response = errorResponse(SalesforceApiException.badRequest("JSON_PARSER_ERROR", e.getMessage()));
      }
      return withLimitInfo(response);
    };
  }

  private SandboxResponse withLimitInfo(SandboxResponse response) {
    return response.withHeader("Sforce-Limit-Info", org.limits().limitInfoHeader());
  }

  private static boolean supported(String version) {
    Matcher m = VERSION.matcher(version);
    if (!m.matches()) {
      return false;
    }
    int v = Integer.parseInt(m.group(1));
    return v >= SalesforceJson.MIN_VERSION && v <= SalesforceJson.MAX_VERSION;
  }

  private static Map<String, String> versionOf(String path) {
    String[] parts = path.split("/");
    return parts.length > 3 ? Map.of("version", parts[3]) : Map.of();
  }

  private static String version(Map<String, String> params) {
    return params.get("version").substring(1);
  }

  private static String bearer(SandboxRequest request) {
    return request.header("Authorization").filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
        .map(h -> h.substring(7).trim()).orElse(null);
  }

  private ObjectDescriptor object(Map<String, String> params) {
    return org.schema().find(params.get("object")).orElseThrow(SalesforceApiException::notFound);
  }

  /** SOQL on User (record owners), the subset {@link SoqlQuery} reads. */
  private SandboxResponse query(SandboxRequest request, Map<String, String> params) {
    SoqlQuery soql = SoqlQuery.parse(request.queryParam("q").orElseThrow(() ->
        SalesforceApiException.badRequest("MALFORMED_QUERY", "The q parameter (the SOQL query) is required")));
    if (!soql.object().equalsIgnoreCase("User")) {
      throw SalesforceApiException.badRequest("INVALID_TYPE", "sObject type '" + soql.object()
          + "' is not supported by the emulator's query (it answers SOQL on User)");
    }
    List<Map<String, Object>> users = org.users().all();
    for (String field : soql.fields()) {
      if (users.get(0).keySet().stream().noneMatch(field::equalsIgnoreCase)) {
        throw SalesforceApiException.badRequest("INVALID_FIELD", "No such column '" + field
            + "' on entity 'User'. If you are attempting to use a custom field, be sure to append the '__c' after "
            + "the custom field name.");
      }
    }
    ArrayNode records = Json.array();
    for (Map<String, Object> user : users) {
      if (soql.conditions().stream().allMatch(c -> c.matches(user))
          && (soql.limit() == null || records.size() < soql.limit())) {
        ObjectNode record = SalesforceJson.record("User", user, version(params));
        ObjectNode selected = Json.object();
        selected.set("attributes", record.get("attributes"));
        soql.fields().forEach(field -> user.keySet().stream().filter(field::equalsIgnoreCase).findFirst()
            .ifPresent(name -> selected.set(name, record.get(name))));
        records.add(selected);
      }
    }
    ObjectNode body = Json.object();
    body.put("totalSize", records.size()).put("done", true).set("records", records);
    return SandboxResponse.json(200, body);
  }

  private SandboxResponse objectInfo(SandboxRequest request, Map<String, String> params) {
    ObjectDescriptor object = object(params);
    ObjectNode body = Json.object();
    body.set("objectDescribe", SalesforceJson.objectSummary(object, version(params)));
    body.putArray("recentItems");
    return SandboxResponse.json(200, body);
  }

  private SandboxResponse retrieve(SandboxRequest request, Map<String, String> params) {
    ObjectDescriptor object = object(params);
    String id = params.get("id");
    Map<String, Object> record = org.store().find(id).filter(r -> String.valueOf(r.get("Id"))
        .startsWith(object.keyPrefix())).orElseThrow(SalesforceApiException::notFound);
    return SandboxResponse.json(200, SalesforceJson.retrieved(object, record, version(params)));
  }

  private SandboxResponse collectionsDelete(SandboxRequest request, Map<String, String> params) {
    List<String> ids = request.queryParam("ids").map(s -> Arrays.stream(s.split(","))
        .map(String::trim).filter(x -> !x.isEmpty()).toList()).orElse(List.of());
    boolean allOrNone = request.queryParam("allOrNone").map(Boolean::parseBoolean).orElse(false);
    return saveResults(org.collections().delete(ids, allOrNone), false);
  }

  private SandboxResponse createJob(SandboxRequest request, Map<String, String> params) {
    JsonNode body = json(request);
    BulkJobRequest job = new BulkJobRequest(text(body, "object"), text(body, "operation"),
        text(body, "externalIdFieldName"), text(body, "contentType"), text(body, "lineEnding"),
        text(body, "columnDelimiter"), version(params));
    return SandboxResponse.json(200, SalesforceJson.job(org.bulk().create(job), false));
  }

  private SandboxResponse changeJobState(SandboxRequest request, Map<String, String> params) {
    String state = text(json(request), "state");
    return SandboxResponse.json(200, SalesforceJson.job(org.bulk().changeState(params.get("jobId"), state), false));
  }

  private static JsonNode json(SandboxRequest request) {
    if (request.body().length == 0) {
      throw SalesforceApiException.badRequest("JSON_PARSER_ERROR", "The request body is empty");
    }
    return request.bodyJson();
  }

  private static String text(JsonNode body, String field) {
    JsonNode node = body.get(field);
    return node == null || node.isNull() ? null : node.asText();
  }

  private static SandboxResponse saveResults(List<SaveResult> results, boolean upsert) {
    return SandboxResponse.json(200, SalesforceJson.saveResults(results, upsert));
  }

  private static SandboxResponse csv(String body) {
    return new SandboxResponse(200, Map.of("Content-Type", CSV + ";charset=UTF-8"),
        body.getBytes(StandardCharsets.UTF_8));
  }

  static SandboxResponse errorResponse(SalesforceApiException e) {
    return SandboxResponse.json(e.status(), SalesforceJson.errors(e.errorCode(), e.getMessage()));
  }
}
