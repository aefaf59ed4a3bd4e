package io.activationsuite.acceptance.connectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sandbox.EmulatorServer;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * HubSpot: private-app token against the HubSpot emulator; contacts by email (upsert, update, archive)
 * and plain create. A lifecycle stage outside the property's options is refused by the API.
 */
public final class HubSpotDescriptor implements ConnectorDescriptor {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Set<Capability> CAPABILITIES = EnumSet.of(
      Capability.UPSERT_READ_BACK, Capability.APPEND_READ_BACK, Capability.UPDATE, Capability.DELETE,
      Capability.REFUSED_RECORDS, Capability.FIELD_LENGTH_LIMITS,
      Capability.THROTTLE_RETRY, Capability.DAILY_QUOTA, Capability.OAUTH,
      Capability.KILL_RERUN_EXACT, Capability.UNSUPPORTED_TARGETS);
  private static final String CONTACTS = "contacts";

  @Override
  public String tool() {
    return "hubspot";
  }

  @Override
  public String emulator() {
    return "hubspot";
  }

  @Override
  public Set<Capability> capabilities() {
    return CAPABILITIES;
  }

  @Override
  public ObjectNode validConfig(EmulatorServer sandbox) {
    return config(sandbox, sandbox.credentials().get("private_app_token"));
  }

  @Override
  public ObjectNode badCredentialsConfig(EmulatorServer sandbox) {
    return config(sandbox, "pat-na1-00000000-0000-4000-8000-000000000000");
  }

  private static ObjectNode config(EmulatorServer sandbox, String token) {
    ObjectNode config = JSON.objectNode();
    config.putObject("credentials").put("auth_type", "private_app").put("access_token", token);
    config.put("base_url", sandbox.baseUrl().toString());
    config.putObject("object_storage_config").put("storage_type", "None");
    return config;
  }

  @Override
  public ObjectNode malformedConfig(EmulatorServer sandbox) {
    return validConfig(sandbox).put("daily_request_budget", "as many as possible");
  }

  @Override
  public String malformedField() {
    return "daily_request_budget";
  }

  @Override
  public List<String> secrets(EmulatorServer sandbox) {
    Map<String, String> credentials = sandbox.credentials();
    return List.of(credentials.get("private_app_token"), credentials.get("client_secret"),
        credentials.get("refresh_token"));
  }

  @Override
  public WriteTarget upsertTarget() {
    return new WriteTarget(CONTACTS, "append_dedup", List.of("email"));
  }

  @Override
  public List<WriteTarget> writeTargets() {
    return List.of(
        new WriteTarget(CONTACTS, "append", List.of()),
        upsertTarget(),
        new WriteTarget(CONTACTS, "update", List.of("email")),
        new WriteTarget(CONTACTS, "soft_delete", List.of("email")));
  }

  @Override
  public List<WriteTarget> unsupportedTargets() {
    return List.of(
        new WriteTarget(CONTACTS, "overwrite", List.of()),
        new WriteTarget(CONTACTS, "append_dedup", List.of("firstname")));
  }

  @Override
  public Optional<ObjectNode> oauthConfig(EmulatorServer sandbox) {
    Map<String, String> credentials = sandbox.credentials();
    ObjectNode config = validConfig(sandbox);
    config.putObject("credentials").put("auth_type", "oauth2").put("client_id", credentials.get("client_id"))
        .put("client_secret", credentials.get("client_secret"))
        .put("refresh_token", credentials.get("refresh_token"));
    return Optional.of(config);
  }


  @Override
  public String identityField(String object) {
    return "email";
  }

  @Override
  public ObjectNode record(WriteTarget target, int i, int version, EmulatorServer sandbox) {
    ObjectNode data = JSON.objectNode().put("email", "user" + i + "@example.com");
    if (target.syncMode().equals("soft_delete")) {
      return data;
    }
    return data.put("firstname", "First" + i + "v" + version)
        .put("lastname", "Last" + i)
        .put("city", "City " + (i % 7) + " v" + version);
  }

  @Override
  public ObjectNode refusedRecord(WriteTarget target, int i) {
    return JSON.objectNode().put("email", "refused" + i + "@example.com").put("firstname", "Refused" + i)
        .put("lifecyclestage", "not_a_lifecycle_stage");
  }

  @Override
  public Map<String, Map<String, String>> landed(EmulatorServer sandbox, String object) {
    Map<String, Map<String, String>> landed = new LinkedHashMap<>();
    for (JsonNode record : live(sandbox, object)) {
      Map<String, String> fields = new LinkedHashMap<>();
      record.path("properties").fields().forEachRemaining(f -> {
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
    return live(sandbox, object).size();
  }

  private static List<JsonNode> live(EmulatorServer sandbox, String object) {
    List<JsonNode> records = new java.util.ArrayList<>();
    for (JsonNode record : sandbox.objects(object)) {
      if (!record.path("archived").asBoolean(false)) {
        records.add(record);
      }
    }
    return records;
  }

  @Override
  public String toString() {
    return tool();
  }
}
