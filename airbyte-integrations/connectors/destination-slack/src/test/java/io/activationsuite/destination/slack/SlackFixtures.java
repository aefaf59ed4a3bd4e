package io.activationsuite.destination.slack;

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
import io.activationsuite.sink.config.ConfigReader;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Configs, sessions, writers and rows for tests against the Slack emulator. */
final class SlackFixtures {

  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final AtomicInteger IDS = new AtomicInteger();

  final List<ObjectNode> updatedConfigs = new CopyOnWriteArrayList<>();

  /** A bot-token config whose pace is fast enough for tests (the emulator's limits still apply). */
  static ObjectNode config(EmulatorServer slack, ObjectNode... messages) {
    ObjectNode config = MAPPER.createObjectNode();
    config.putObject("credentials").put("auth_type", "bot_token")
        .put("bot_token", slack.credentials().get("bot_token"));
    config.put("api_url", slack.credentials().get("api_url"));
    config.put("default_channel", "#finance-alerts");
    config.putArray("messages").addAll(List.of(messages));
    return config;
  }

  static ObjectNode rotatingConfig(EmulatorServer slack, ObjectNode... messages) {
    ObjectNode config = config(slack, messages);
    config.putObject("credentials").put("auth_type", "oauth2_rotating")
        .put("client_id", slack.credentials().get("client_id"))
        .put("client_secret", slack.credentials().get("client_secret"))
        .put("refresh_token", slack.credentials().get("refresh_token"));
    return config;
  }

  /** Message settings of one stream: alternate keys and values. */
  static ObjectNode messages(String stream, Object... keysAndValues) {
    ObjectNode settings = MAPPER.createObjectNode().put("source_stream", stream);
    for (int i = 0; i < keysAndValues.length; i += 2) {
      settings.set((String) keysAndValues[i], MAPPER.valueToTree(keysAndValues[i + 1]));
    }
    return settings;
  }

  SlackSession open(JsonNode config) {
    return (SlackSession) new SlackActivationApi().open(ConfigReader.read(config, SlackConfig.class),
        new SessionServices(Clock.systemUTC(), 4, updatedConfigs::add));
  }

  static BatchWriter writer(SlackSession session, String stream, String object) throws Exception {
    DestinationObject target = session.objects().stream().filter(o -> o.name().equals(object)).findFirst()
        .orElseThrow();
    return session.writer(new StreamPlan(new StreamDescriptor(stream, null), target, Operation.INSERT, null,
        List.of()));
  }

  /** A row; {@code fieldsAndValues} alternate names and values. */
  static OutboundRecord row(Object... fieldsAndValues) {
    ObjectNode payload = MAPPER.createObjectNode();
    for (int i = 0; i < fieldsAndValues.length; i += 2) {
      payload.set((String) fieldsAndValues[i], MAPPER.valueToTree(fieldsAndValues[i + 1]));
    }
    return new OutboundRecord("row-" + IDS.incrementAndGet(), null, payload, Set.of(), payload.toString().length());
  }

  /** {@code n} anomaly rows with increasing ids. */
  static List<OutboundRecord> anomalies(int n) {
    List<OutboundRecord> rows = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      rows.add(row("account", "Account " + i, "amount", String.valueOf(100 * i), "owner_email", "alice@example.com"));
    }
    return rows;
  }

  /** Calls of one Web API method in the emulator's request log. */
  static long calls(EmulatorServer slack, String method) {
    return slack.requests().entries().stream().filter(e -> e.path().equals("/api/" + method)).count();
  }

  static Map<String, Object> data(Object... keysAndValues) {
    Map<String, Object> data = new java.util.LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      data.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return data;
  }
}
