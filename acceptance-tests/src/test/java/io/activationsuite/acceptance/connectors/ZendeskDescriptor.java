package io.activationsuite.acceptance.connectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sandbox.EmulatorServer;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Zendesk: API token against the Zendesk emulator; users by external_id (upsert through
 * {@code create_or_update_many}, update, delete) and plain create, all through Zendesk jobs. A plan outside
 * the dropdown field's options is refused per item by the job.
 */
public final class ZendeskDescriptor implements ConnectorDescriptor {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Set<Capability> CAPABILITIES = EnumSet.of(
      Capability.UPSERT_READ_BACK, Capability.APPEND_READ_BACK, Capability.UPDATE, Capability.DELETE,
      Capability.REFUSED_RECORDS, Capability.THROTTLE_RETRY, Capability.ASYNC_JOBS, Capability.OAUTH_ROTATION,
      Capability.OAUTH, Capability.KILL_RERUN_EXACT, Capability.UNSUPPORTED_TARGETS);
  private static final String USERS = "users";

  @Override
  public String tool() {
    return "zendesk";
  }

  @Override
  public String emulator() {
    return "zendesk";
  }

  @Override
  public Set<Capability> capabilities() {
    return CAPABILITIES;
  }

  @Override
  public ObjectNode validConfig(EmulatorServer sandbox) {
    return config(sandbox, sandbox.credentials().get("api_token"));
  }

  @Override
  public ObjectNode badCredentialsConfig(EmulatorServer sandbox) {
    return config(sandbox, "not-the-zendesk-token-0000");
  }

  private static ObjectNode config(EmulatorServer sandbox, String token) {
    ObjectNode config = JSON.objectNode();
    config.put("subdomain", "sandbox").put("base_url", sandbox.baseUrl().toString()).put("plan", "enterprise")
        .put("job_poll_interval_ms", 100);
    config.putObject("credentials").put("auth_type", "api_token").put("email", sandbox.credentials().get("email"))
        .put("api_token", token);
    config.putObject("object_storage_config").put("storage_type", "None");
    return config;
  }

  @Override
  public ObjectNode rotatingOAuthConfig(EmulatorServer sandbox) {
    Map<String, String> credentials = sandbox.credentials();
    ObjectNode config = config(sandbox, credentials.get("api_token"));
    config.putObject("credentials").put("auth_type", "oauth2_refresh_token")
        .put("client_id", credentials.get("client_id")).put("client_secret", credentials.get("client_secret"))
        .put("refresh_token", credentials.get("refresh_token"));
    return config;
  }

  @Override
  public ObjectNode malformedConfig(EmulatorServer sandbox) {
    return validConfig(sandbox).put("requests_per_minute", "as many as possible");
  }

  @Override
  public String malformedField() {
    return "requests_per_minute";
  }

  @Override
  public List<String> secrets(EmulatorServer sandbox) {
    Map<String, String> credentials = sandbox.credentials();
    return List.of(credentials.get("api_token"), credentials.get("client_secret"), credentials.get("refresh_token"));
  }

  @Override
  public WriteTarget upsertTarget() {
    return new WriteTarget(USERS, "append_dedup", List.of("external_id"));
  }

  @Override
  public List<WriteTarget> writeTargets() {
    return List.of(
        new WriteTarget(USERS, "append", List.of()),
        upsertTarget(),
        new WriteTarget(USERS, "update", List.of("external_id")),
        new WriteTarget(USERS, "soft_delete", List.of("external_id")));
  }

  @Override
  public List<WriteTarget> unsupportedTargets() {
    return List.of(
        new WriteTarget(USERS, "overwrite", List.of()),
        new WriteTarget(USERS, "append_dedup", List.of("name")));
  }


  @Override
  public String identityField(String object) {
    return "external_id";
  }

  @Override
  public ObjectNode record(WriteTarget target, int i, int version, EmulatorServer sandbox) {
    ObjectNode data = JSON.objectNode().put("external_id", "u" + i);
    if (target.syncMode().equals("soft_delete")) {
      return data;
    }
    return data.put("name", "Person " + i + " v" + version).put("email", "user" + i + "@example.com")
        .put("health_score", i % 100 + version);
  }

  @Override
  public ObjectNode refusedRecord(WriteTarget target, int i) {
    return JSON.objectNode().put("external_id", "refused" + i).put("name", "Refused " + i)
        .put("email", "refused" + i + "@example.com").put("plan", "not_a_plan");
  }

  @Override
  public Map<String, Map<String, String>> landed(EmulatorServer sandbox, String object) {
    Map<String, Map<String, String>> landed = new LinkedHashMap<>();
    for (JsonNode record : sandbox.objects(object)) {
      Map<String, String> fields = new LinkedHashMap<>();
      record.fields().forEachRemaining(f -> {
        if (f.getValue().isValueNode() && !f.getValue().isNull()) {
          fields.put(f.getKey(), f.getValue().asText());
        }
      });
      record.path("user_fields").fields().forEachRemaining(f -> {
        if (!f.getValue().isNull()) {
          fields.put(f.getKey(), f.getValue().asText());
        }
      });
      landed.put(fields.get(identityField(object)), fields);
    }
    return landed;
  }

  @Override
  public int liveCount(EmulatorServer sandbox, String object) {
    return sandbox.objects(object).size();
  }

  @Override
  public String toString() {
    return tool();
  }
}
