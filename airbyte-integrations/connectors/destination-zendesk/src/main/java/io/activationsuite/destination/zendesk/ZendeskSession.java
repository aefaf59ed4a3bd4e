package io.activationsuite.destination.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.protocol.errors.ConfigErrorException;
import io.activationsuite.protocol.model.AirbyteConnectionStatus;
import io.activationsuite.sink.api.ApiSession;
import io.activationsuite.sink.api.BatchWriter;
import io.activationsuite.sink.api.DestinationObject;
import io.activationsuite.sink.api.JobLimits;
import io.activationsuite.sink.api.Lookup;
import io.activationsuite.sink.api.Operation;
import io.activationsuite.sink.api.PollSchedule;
import io.activationsuite.sink.api.StreamPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One authenticated Zendesk session: credential, scope and bulk-import checks, discovery, and job writers
 * that share the session's HTTP client, rate limiter, job cap (30 queued or running per account) and poller.
 */
public final class ZendeskSession implements ApiSession {

  /** Zendesk's cap on queued or running jobs per account. */
  public static final int MAX_JOBS_IN_FLIGHT = 30;

  private final ZendeskHttp http;
  private final ZendeskConfig config;
  private final ZendeskCatalog catalog;
  private final JobLimits jobLimits;
  private final List<Lookup> lookups;
  private final Map<String, JsonNode> finished = new ConcurrentHashMap<>();

  public ZendeskSession(ZendeskHttp http, ZendeskConfig config) {
    this.http = http;
    this.config = config;
    this.catalog = new ZendeskCatalog(http);
    this.jobLimits = new JobLimits(MAX_JOBS_IN_FLIGHT, 100, ZendeskJobWriter.MAX_ITEMS,
        new PollSchedule(config.pollInterval(), Duration.ofSeconds(10), Duration.ofHours(1)));
    this.lookups = UserByEmail.lookups(http);
  }

  /** {@code user_by_email} and {@code agent_by_email} (see {@link UserByEmail}). */
  @Override
  public List<Lookup> lookups() {
    return lookups;
  }

  @Override
  public AirbyteConnectionStatus check(Set<String> objectNames) throws Exception {
    Map<String, Set<Operation>> operations = new java.util.HashMap<>();
    objectNames.forEach(name -> operations.put(name, Set.of(Operation.INSERT, Operation.UPSERT)));
    return check(operations);
  }

  /** Credentials, scopes, and bulk user import only when users are inserted or upserted (updates need none). */
  @Override
  public AirbyteConnectionStatus check(Map<String, Set<Operation>> operationsByObject) throws Exception {
    Set<String> objectNames = operationsByObject.keySet();
    ZendeskHttp.Answer me = http.call("GET", "/api/v2/users/me", null);
    if (me.status() != 200 || me.body().path("user").path("id").asLong(0) <= 0) {
      return AirbyteConnectionStatus.failed("Zendesk refused the credentials (HTTP " + me.status() + ": "
          + ZendeskErrors.describe(me.body()) + "). Check the subdomain and the "
          + (config.credentials() instanceof ZendeskCredentials.ApiToken ? "agent email and API token"
          : "OAuth client id, secret and refresh token") + ".");
    }
    List<String> problems = new ArrayList<>();
    if (!(config.credentials() instanceof ZendeskCredentials.ApiToken)) {
      JsonNode scopes = http.call("GET", "/api/v2/oauth/tokens/current", null).body().path("token").path("scopes");
      Set<String> granted = new java.util.HashSet<>();
      scopes.forEach(s -> granted.add(s.asText()));
      for (String name : objectNames.isEmpty() ? Set.of("users") : objectNames) {
        String resource = catalog.object(name).map(o -> o.kind().resource()).orElse(null);
        if (resource == null) {
          problems.add("Zendesk has no object named " + name);
        } else if (!granted.contains("write") && !granted.contains(resource + ":write")) {
          problems.add("the OAuth token lacks the scope " + resource + ":write (or write) needed for " + name);
        }
      }
    }
    Set<Operation> userOperations = operationsByObject.getOrDefault("users", Set.of());
    if (userOperations.contains(Operation.INSERT) || userOperations.contains(Operation.UPSERT)) {
      ZendeskHttp.Answer probe = http.call("POST", "/api/v2/users/create_or_update_many",
          new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().putArray("users"));
      if (probe.status() == 403) {
        problems.add("bulk user import is disabled for this account (" + ZendeskErrors.describe(probe.body())
            + "): users insert and upsert need it; the account owner can ask Zendesk support to enable it");
      }
    }
    return problems.isEmpty() ? AirbyteConnectionStatus.succeeded()
        : AirbyteConnectionStatus.failed("Zendesk check failed: " + String.join("; ", problems) + ".");
  }

  @Override
  public List<DestinationObject> objects() throws Exception {
    return catalog.objects().values().stream().map(ZendeskObject::describe).toList();
  }

  @Override
  public BatchWriter writer(StreamPlan plan) throws Exception {
    ZendeskObject object = catalog.object(plan.object().name())
        .orElseThrow(() -> new ConfigErrorException("Zendesk has no object named " + plan.object().name()));
    return new ZendeskJobWriter(http, object, plan, jobLimits, finished);
  }

  @Override
  public void close() {
    http.close();
  }
}
