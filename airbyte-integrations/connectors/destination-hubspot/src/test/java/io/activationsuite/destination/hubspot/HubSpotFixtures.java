package io.activationsuite.destination.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.protocol.model.StreamDescriptor;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sink.api.DestinationObject;
import io.activationsuite.sink.api.Operation;
import io.activationsuite.sink.api.OutboundRecord;
import io.activationsuite.sink.api.SessionServices;
import io.activationsuite.sink.api.StreamPlan;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** Configs, sessions, plans and records for tests against the HubSpot sandbox. */
final class HubSpotFixtures {

  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final AtomicInteger IDS = new AtomicInteger();

  final List<ObjectNode> updatedConfigs = new ArrayList<>();

  static ObjectNode privateAppConfig(EmulatorServer server) {
    ObjectNode config = MAPPER.createObjectNode();
    config.putObject("credentials").put("auth_type", "private_app")
        .put("access_token", server.credentials().get("private_app_token"));
    config.put("base_url", server.baseUrl().toString());
    return config;
  }

  static ObjectNode oauthConfig(EmulatorServer server) {
    ObjectNode config = MAPPER.createObjectNode();
    config.putObject("credentials").put("auth_type", "oauth2")
        .put("client_id", server.credentials().get("client_id"))
        .put("client_secret", server.credentials().get("client_secret"))
        .put("refresh_token", server.credentials().get("refresh_token"));
    config.put("base_url", server.baseUrl().toString());
    return config;
  }

  HubSpotSession open(JsonNode config) {
    SessionServices services = new SessionServices(Clock.systemUTC(), 4, updatedConfigs::add);
    return (HubSpotSession) new HubSpotActivationApi().open(HubSpotConfig.from(config), services);
  }

  static DestinationObject object(HubSpotSession session, String name) throws Exception {
    return session.objects().stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
  }

  static StreamPlan plan(DestinationObject object, Operation operation, String matchingKey) {
    return new StreamPlan(new StreamDescriptor(object.name() + "_" + operation, null), object, operation,
        matchingKey, List.of());
  }

  /** A record; {@code fieldsAndValues} alternate names and values (Strings, numbers, booleans, lists). */
  static OutboundRecord record(String matchingKey, Object... fieldsAndValues) {
    ObjectNode payload = MAPPER.createObjectNode();
    for (int i = 0; i < fieldsAndValues.length; i += 2) {
      payload.set((String) fieldsAndValues[i], MAPPER.valueToTree(fieldsAndValues[i + 1]));
    }
    return new OutboundRecord("rec-" + IDS.incrementAndGet(), matchingKey, payload, Set.of(),
        payload.toString().length());
  }

  static OutboundRecord clearing(String matchingKey, Set<String> nullFields, Object... fieldsAndValues) {
    OutboundRecord base = record(matchingKey, fieldsAndValues);
    return new OutboundRecord(base.correlationId(), matchingKey, base.payload(), nullFields, base.sizeBytes());
  }

  /** Live (not archived) records of a type in the sandbox store. */
  static List<JsonNode> live(EmulatorServer server, String type) {
    List<JsonNode> records = new ArrayList<>();
    server.objects(type).forEach(r -> {
      if (!r.path("archived").asBoolean(false)) {
        records.add(r);
      }
    });
    return records;
  }

  static JsonNode byProperty(EmulatorServer server, String type, String property, String value) {
    return live(server, type).stream()
        .filter(r -> value.equals(r.path("properties").path(property).asText(null)))
        .findFirst().orElse(null);
  }
}
