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
 * Salesforce: OAuth refresh token against the Salesforce emulator; Contact upserted by its external id
 * {@code External_Id__c}, inserted, updated and deleted by record {@code Id}. An Email that is not an
 * address is refused by the API.
 */
public final class SalesforceDescriptor implements ConnectorDescriptor {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Set<Capability> CAPABILITIES = EnumSet.of(
      Capability.UPSERT_READ_BACK, Capability.APPEND_READ_BACK, Capability.UPDATE, Capability.DELETE,
      Capability.REFUSED_RECORDS, Capability.FIELD_LENGTH_LIMITS,
      Capability.THROTTLE_STOP, Capability.DAILY_QUOTA, Capability.OAUTH,
      Capability.TOKEN_ENDPOINT, Capability.ASYNC_JOBS, Capability.KILL_RERUN_EXACT, Capability.UNSUPPORTED_TARGETS);
  private static final String CONTACT = "Contact";
  private static final String EXTERNAL_ID = "External_Id__c";

  @Override
  public String tool() {
    return "salesforce";
  }

  @Override
  public String emulator() {
    return "salesforce";
  }

  @Override
  public Set<Capability> capabilities() {
    return CAPABILITIES;
  }

  @Override
  public ObjectNode validConfig(EmulatorServer sandbox) {
    return config(sandbox, sandbox.credentials().get("refresh_token"));
  }

  @Override
  public ObjectNode badCredentialsConfig(EmulatorServer sandbox) {
    return config(sandbox, "5Aep861-revoked-refresh-token-000000000000");
  }

  private static ObjectNode config(EmulatorServer sandbox, String refreshToken) {
    Map<String, String> credentials = sandbox.credentials();
    ObjectNode config = JSON.objectNode();
    config.putObject("credentials").put("auth_type", "oauth2_refresh_token")
        .put("client_id", credentials.get("client_id"))
        .put("client_secret", credentials.get("client_secret"))
        .put("refresh_token", refreshToken);
    config.put("base_url", sandbox.baseUrl().toString());
    config.putObject("object_storage_config").put("storage_type", "None");
    return config;
  }

  @Override
  public ObjectNode malformedConfig(EmulatorServer sandbox) {
    return validConfig(sandbox).put("bulk_threshold", "a few");
  }

  @Override
  public String malformedField() {
    return "bulk_threshold";
  }

  @Override
  public List<String> secrets(EmulatorServer sandbox) {
    Map<String, String> credentials = sandbox.credentials();
    return List.of(credentials.get("client_secret"), credentials.get("refresh_token"));
  }

  @Override
  public WriteTarget upsertTarget() {
    return new WriteTarget(CONTACT, "append_dedup", List.of(EXTERNAL_ID));
  }

  @Override
  public List<WriteTarget> writeTargets() {
    return List.of(
        new WriteTarget(CONTACT, "append", List.of()),
        upsertTarget(),
        new WriteTarget(CONTACT, "update", List.of("Id")),
        new WriteTarget(CONTACT, "soft_delete", List.of("Id")));
  }

  @Override
  public List<WriteTarget> unsupportedTargets() {
    return List.of(
        new WriteTarget(CONTACT, "overwrite", List.of()),
        new WriteTarget(CONTACT, "append_dedup", List.of("LastName")));
  }

  @Override
  public Optional<String> authenticationPath() {
    return Optional.of("/services/oauth2/token");
  }

  @Override
  public Optional<ObjectNode> oauthConfig(EmulatorServer sandbox) {
    return Optional.of(validConfig(sandbox));
  }


  @Override
  public String identityField(String object) {
    return EXTERNAL_ID;
  }

  @Override
  public ObjectNode record(WriteTarget target, int i, int version, EmulatorServer sandbox) {
    String externalId = "ext-" + i;
    ObjectNode data = JSON.objectNode();
    if (target.matchingKey().contains("Id")) {
      data.put("Id", idOf(sandbox, target.object(), externalId));
      if (target.syncMode().equals("soft_delete")) {
        return data;
      }
    } else {
      data.put(EXTERNAL_ID, externalId);
    }
    return data.put("LastName", "Last" + i + "v" + version)
        .put("FirstName", "First" + i)
        .put("Email", "user" + i + "@example.com");
  }

  private String idOf(EmulatorServer sandbox, String object, String externalId) {
    for (JsonNode record : sandbox.objects(object)) {
      if (externalId.equals(record.path(EXTERNAL_ID).asText())) {
        return record.path("Id").asText();
      }
    }
    throw new IllegalStateException("no " + object + " with " + EXTERNAL_ID + " " + externalId + " to update");
  }

  @Override
  public ObjectNode refusedRecord(WriteTarget target, int i) {
    return JSON.objectNode().put(EXTERNAL_ID, "refused-" + i).put("LastName", "Refused" + i)
        .put("Email", "not an email address");
  }

  @Override
  public Map<String, Map<String, String>> landed(EmulatorServer sandbox, String object) {
    Map<String, Map<String, String>> landed = new LinkedHashMap<>();
    for (JsonNode record : sandbox.objects(object)) {
      if (record.path("IsDeleted").asBoolean(false)) {
        continue;
      }
      Map<String, String> fields = new LinkedHashMap<>();
      record.fields().forEachRemaining(f -> {
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
    int count = 0;
    for (JsonNode record : sandbox.objects(object)) {
      if (!record.path("IsDeleted").asBoolean(false)) {
        count++;
      }
    }
    return count;
  }

  @Override
  public String toString() {
    return tool();
  }
}
