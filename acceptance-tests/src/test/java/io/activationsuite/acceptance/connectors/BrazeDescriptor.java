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
import java.util.Optional;

/**
 * Braze: REST API key against the Braze emulator; user profiles by external_id (upsert, update), custom
 * events (append: each record is one more event) and user deletions (a {@code user_deletions} record removes
 * the user). An {@code email_subscribe} value Braze does not know is refused per object.
 */
public final class BrazeDescriptor implements ConnectorDescriptor {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Set<Capability> CAPABILITIES = EnumSet.of(
      Capability.UPSERT_READ_BACK, Capability.APPEND_READ_BACK, Capability.UPDATE, Capability.DELETE,
      Capability.REFUSED_RECORDS, Capability.FIELD_LENGTH_LIMITS,
      Capability.THROTTLE_RETRY, Capability.TOKEN_ENDPOINT, Capability.KILL_RERUN_EXACT,
      Capability.UNSUPPORTED_TARGETS);
  private static final String USERS = "users";
  private static final String EVENTS = "events";
  private static final String DELETIONS = "user_deletions";

  @Override
  public String tool() {
    return "braze";
  }

  @Override
  public String emulator() {
    return "braze";
  }

  @Override
  public Set<Capability> capabilities() {
    return CAPABILITIES;
  }

  @Override
  public ObjectNode validConfig(EmulatorServer sandbox) {
    return config(sandbox, sandbox.credentials().get("api_key"));
  }

  @Override
  public ObjectNode badCredentialsConfig(EmulatorServer sandbox) {
    return config(sandbox, "braze-unknown-key-0000");
  }

  private static ObjectNode config(EmulatorServer sandbox, String key) {
    ObjectNode config = JSON.objectNode().put("api_key", key).put("instance", "custom")
        .put("custom_rest_endpoint", sandbox.baseUrl().toString());
    config.putObject("object_storage_config").put("storage_type", "None");
    return config;
  }

  @Override
  public ObjectNode malformedConfig(EmulatorServer sandbox) {
    return validConfig(sandbox).put("users_track_requests_per_3_seconds", "as many as possible");
  }

  @Override
  public String malformedField() {
    return "users_track_requests_per_3_seconds";
  }

  @Override
  public List<String> secrets(EmulatorServer sandbox) {
    return List.of(sandbox.credentials().get("api_key"));
  }

  @Override
  public WriteTarget upsertTarget() {
    return new WriteTarget(USERS, "append_dedup", List.of("external_id"));
  }

  @Override
  public List<WriteTarget> writeTargets() {
    return List.of(upsertTarget(), new WriteTarget(USERS, "update", List.of("external_id")),
        new WriteTarget(EVENTS, "append", List.of()),
        new WriteTarget(DELETIONS, "soft_delete", List.of("external_id"), USERS));
  }

  @Override
  public List<WriteTarget> unsupportedTargets() {
    return List.of(new WriteTarget(USERS, "overwrite", List.of()),
        new WriteTarget(USERS, "append_dedup", List.of("first_name")));
  }


  /**
   * Braze authenticates with a static key, but every write first reads the custom attributes (a discovery
   * endpoint whose limit resets hourly, where a 429 rightly stops the sync): faults are armed once that read
   * answered, so the storm hits /users/track, the write endpoint whose 429s must be waited out.
   */
  @Override
  public Optional<String> authenticationPath() {
    return Optional.of("/custom_attributes");
  }

  @Override
  public String identityField(String object) {
    return object.equals(EVENTS) ? "name" : "external_id";
  }

  @Override
  public ObjectNode record(WriteTarget target, int i, int version, EmulatorServer sandbox) {
    if (target.object().equals(EVENTS)) {
      return JSON.objectNode().put("external_id", "user" + i).put("name", "event-" + i + "-v" + version)
          .put("time", "2026-01-0" + (1 + i % 9) + "T10:00:00Z");
    }
    if (target.object().equals(DELETIONS)) {
      return JSON.objectNode().put("external_id", "user" + i);
    }
    return JSON.objectNode().put("external_id", "user" + i).put("first_name", "First" + i + "v" + version)
        .put("last_name", "Last" + i).put("home_city", "City " + (i % 7) + " v" + version);
  }

  @Override
  public ObjectNode refusedRecord(WriteTarget target, int i) {
    return JSON.objectNode().put("external_id", "refused" + i).put("first_name", "Refused" + i)
        .put("email_subscribe", "perhaps");
  }

  @Override
  public Map<String, Map<String, String>> landed(EmulatorServer sandbox, String object) {
    Map<String, Map<String, String>> landed = new LinkedHashMap<>();
    for (JsonNode user : sandbox.objects(object)) {
      Map<String, String> fields = new LinkedHashMap<>();
      user.fields().forEachRemaining(f -> {
        if (f.getValue().isValueNode() && !f.getValue().isNull()) {
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
