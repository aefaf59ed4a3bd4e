package io.activationsuite.destination.braze;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.protocol.model.StreamDescriptor;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sink.api.BatchWriter;
import io.activationsuite.sink.api.DestinationObject;
import io.activationsuite.sink.api.Operation;
import io.activationsuite.sink.api.OutboundRecord;
import io.activationsuite.sink.api.SessionServices;
import io.activationsuite.sink.api.StreamPlan;
import io.activationsuite.testkit.messages.ConfiguredCatalogs;
import io.activationsuite.testkit.messages.PlatformSyncInput;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** Configs, sessions, writers and records for tests against the Braze sandbox. */
final class BrazeFixtures {

  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final AtomicInteger IDS = new AtomicInteger();

  private BrazeFixtures() {
  }

  /**
   * One sync of {@code count} profiles (stream {@code profiles}: users upserted by external_id) and one event of
   * each (stream {@code clicks}: events), each stream with a STATE and COMPLETE: what Braze combines in
   * {@code /users/track} calls.
   */
  static MixedSync profilesAndEvents(int count) {
    List<ObjectNode> profiles = new ArrayList<>();
    List<ObjectNode> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      profiles.add(MAPPER.createObjectNode().put("external_id", "m" + i).put("first_name", "Person " + i));
      events.add(MAPPER.createObjectNode().put("external_id", "m" + i).put("name", "entered_at_risk")
          .put("time", "2026-11-20T10:00:00Z"));
    }
    String catalog = ConfiguredCatalogs.forSync(1)
        .stream("profiles", "users", "append_dedup", List.of("external_id"), profiles)
        .stream("clicks", "events", "append", List.of(), events).json();
    PlatformSyncInput input = new PlatformSyncInput();
    input.started("profiles");
    profiles.forEach(r -> input.record("profiles", r));
    input.started("clicks");
    events.forEach(r -> input.record("clicks", r));
    input.streamState("profiles").streamState("clicks").complete("profiles").complete("clicks");
    return new MixedSync(catalog, input);
  }

  /** A configured catalog and the platform's input lines of one sync. */
  record MixedSync(String catalog, PlatformSyncInput input) {}

  static ObjectNode config(EmulatorServer server) {
    return config(server, server.credentials().get("api_key"));
  }

  static ObjectNode config(EmulatorServer server, String apiKey) {
    return MAPPER.createObjectNode().put("api_key", apiKey).put("instance", "custom")
        .put("custom_rest_endpoint", server.baseUrl().toString());
  }

  static BrazeSession open(JsonNode config) {
    return (BrazeSession) new BrazeActivationApi().open(BrazeConfig.from(config),
        new SessionServices(Clock.systemUTC(), 4, c -> { }));
  }

  static BatchWriter writer(BrazeSession session, String object, Operation operation, String key) throws Exception {
    DestinationObject described = session.objects(Set.of(object)).get(0);
    return session.writer(new StreamPlan(new StreamDescriptor(object, null), described, operation, key, List.of()));
  }

  /**
   * A record; {@code fieldsAndValues} alternate names and values. Text holding a JSON object or array is
   * parsed, as the engine's coercion does for JSON fields.
   */
  static OutboundRecord record(String matchingKey, Object... fieldsAndValues) {
    ObjectNode payload = MAPPER.createObjectNode();
    for (int i = 0; i < fieldsAndValues.length; i += 2) {
      Object value = fieldsAndValues[i + 1];
      try {
        payload.set((String) fieldsAndValues[i], value instanceof String text && text.matches("(?s)^[\\[{].*")
            ? MAPPER.readTree(text) : MAPPER.valueToTree(value));
      } catch (java.io.IOException e) {
        throw new IllegalArgumentException(e);
      }
    }
    return new OutboundRecord("rec-" + IDS.incrementAndGet(), matchingKey, payload, Set.of(),
        payload.toString().length());
  }

  static JsonNode user(EmulatorServer server, String externalId) {
    for (JsonNode user : server.objects("users")) {
      if (externalId.equals(user.path("external_id").asText())) {
        return user;
      }
    }
    return null;
  }

  static List<JsonNode> list(JsonNode array) {
    List<JsonNode> items = new ArrayList<>();
    array.forEach(items::add);
    return items;
  }
}
