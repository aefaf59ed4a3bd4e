package io.activationsuite.destination.salesforce;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.destination.salesforce.http.Sleeper;
import io.activationsuite.protocol.model.StreamDescriptor;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sink.api.ApiSession;
import io.activationsuite.sink.api.DestinationObject;
import io.activationsuite.sink.api.Operation;
import io.activationsuite.sink.api.OutboundRecord;
import io.activationsuite.sink.api.SessionServices;
import io.activationsuite.sink.api.StreamPlan;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** Configs, sessions and records for tests against the Salesforce emulator. */
final class SalesforceTestSupport {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicLong IDS = new AtomicLong();

  private SalesforceTestSupport() {}

  static ObjectNode config(EmulatorServer server, String strategy) {
    ObjectNode config = JSON.createObjectNode();
    config.putObject("credentials").put("auth_type", "oauth2_refresh_token")
        .put("client_id", server.credentials().get("client_id"))
        .put("client_secret", server.credentials().get("client_secret"))
        .put("refresh_token", server.credentials().get("refresh_token"));
    config.put("base_url", server.baseUrl().toString()).put("write_strategy", strategy)
        .put("bulk_poll_max_millis", 20).put("batch_linger_ms", 20);
    return config;
  }

  static ApiSession open(ObjectNode config, List<ObjectNode> updates) throws Exception {
    return new SalesforceApi(Sleeper.SYSTEM).open(config,
        new SessionServices(Clock.systemUTC(), 2, updates::add));
  }

  static ApiSession open(ObjectNode config) throws Exception {
    return open(config, new CopyOnWriteArrayList<>());
  }

  static StreamPlan plan(ApiSession session, String object, Operation operation, String key) throws Exception {
    DestinationObject described = session.objects().stream().filter(o -> o.name().equals(object)).findFirst()
        .orElseThrow();
    return new StreamPlan(new StreamDescriptor(object.toLowerCase(), null), described, operation, key, List.of());
  }

  static OutboundRecord record(String key, String json) {
    return record(key, json, Set.of());
  }

  static OutboundRecord record(String key, String json, Set<String> nullFields) {
    try {
      return new OutboundRecord("c" + IDS.incrementAndGet(), key, (ObjectNode) JSON.readTree(json), nullFields,
          json.length());
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
