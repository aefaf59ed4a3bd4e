package io.activationsuite.destination.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.protocol.model.StreamDescriptor;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sink.api.BatchWriter;
import io.activationsuite.sink.api.DestinationObject;
import io.activationsuite.sink.api.Operation;
import io.activationsuite.sink.api.OutboundRecord;
import io.activationsuite.sink.api.RecordOutcome;
import io.activationsuite.sink.api.SessionServices;
import io.activationsuite.sink.api.StreamPlan;
import io.activationsuite.sink.config.ConfigReader;
import io.activationsuite.testkit.messages.InProcessRun;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Configs, sessions, plans and records for tests against the sandbox's Zendesk emulator. */
final class ZendeskFixtures {

  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final AtomicInteger IDS = new AtomicInteger();

  /** Config updates the session asked to persist (rotated refresh tokens). */
  final List<ObjectNode> configUpdates = new CopyOnWriteArrayList<>();

  /** Runs {@code write} in process with this config and catalog; every stdout message. */
  static List<JsonNode> runWrite(Path dir, JsonNode config, String catalog, String stdin) {
    return InProcessRun.of(dir, "write", config, catalog, List.of(stdin)).messages();
  }

  static ObjectNode apiTokenConfig(EmulatorServer server) {
    ObjectNode config = base(server);
    config.putObject("credentials").put("auth_type", "api_token").put("email", "admin@sandbox.example")
        .put("api_token", server.credentials().get("api_token"));
    return config;
  }

  static ObjectNode oauthConfig(EmulatorServer server) {
    ObjectNode config = base(server);
    config.putObject("credentials").put("auth_type", "oauth2_refresh_token")
        .put("client_id", server.credentials().get("client_id"))
        .put("client_secret", server.credentials().get("client_secret"))
        .put("refresh_token", server.credentials().get("refresh_token"));
    return config;
  }

  private static ObjectNode base(EmulatorServer server) {
    ObjectNode config = MAPPER.createObjectNode();
    config.put("subdomain", "sandbox").put("base_url", server.baseUrl().toString()).put("plan", "enterprise")
        .put("job_poll_interval_ms", 20);
    return config;
  }

  ZendeskSession open(JsonNode config) {
    return (ZendeskSession) new ZendeskActivationApi().open(ConfigReader.read(config, ZendeskConfig.class),
        new SessionServices(Clock.systemUTC(), 8, configUpdates::add));
  }

  static DestinationObject object(ZendeskSession session, String name) throws Exception {
    return session.objects().stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
  }

  static List<RecordOutcome> write(ZendeskSession session, String objectName, Operation op, String key,
      OutboundRecord... records) throws Exception {
    DestinationObject object = object(session, objectName);
    BatchWriter writer = session.writer(new StreamPlan(new StreamDescriptor(objectName, null), object, op,
        key, List.of()));
    return writer.write(List.of(records));
  }

  /** A record with a matching key (null for inserts) and alternating field names and values. */
  static OutboundRecord record(String key, Object... fields) {
    ObjectNode payload = MAPPER.createObjectNode();
    for (int i = 0; i < fields.length; i += 2) {
      payload.set((String) fields[i], MAPPER.valueToTree(fields[i + 1]));
    }
    return new OutboundRecord("r" + IDS.incrementAndGet(), key, payload, Set.of(), payload.toString().length());
  }

  static List<OutboundRecord> records(int count, java.util.function.IntFunction<OutboundRecord> make) {
    List<OutboundRecord> list = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      list.add(make.apply(i));
    }
    return list;
  }
}
