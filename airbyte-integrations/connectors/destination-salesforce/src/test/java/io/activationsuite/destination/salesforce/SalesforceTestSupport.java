package io.activationsuite.destination.salesforce;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.protocol.model.StreamDescriptor;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.ManualClock;
import io.activationsuite.sink.api.ApiSession;
import io.activationsuite.sink.api.DestinationObject;
import io.activationsuite.sink.api.Operation;
import io.activationsuite.sink.api.OutboundRecord;
import io.activationsuite.sink.api.SessionServices;
import io.activationsuite.sink.api.StreamPlan;
import io.activationsuite.sink.http.time.Waiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

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
    return new SalesforceApi().open(SalesforceConfig.from(config),
        new SessionServices(Clock.systemUTC(), 2, updates::add));
  }

  /**
   * A session on virtual time: every wait (retry backoff, throttle, token retry) advances {@code clock}
   * instead of sleeping and is recorded in {@code waits}; backoff jitter always draws its ceiling, so the
   * recorded waits are the exponential schedule itself.
   */
  static ApiSession openOnVirtualTime(ObjectNode config, ManualClock clock, List<Duration> waits) {
    Waiter waiter = deadline -> {
      Duration wait = Duration.between(clock.instant(), deadline);
      if (!wait.isNegative() && !wait.isZero()) {
        waits.add(wait);
        clock.advance(wait);
      }
    };
    return new SalesforceApi(c -> waiter, new CeilingJitter()).open(SalesforceConfig.from(config),
        new SessionServices(clock, 1, c -> { }));
  }

  static ManualClock virtualClock() {
    return new ManualClock(Instant.parse("2026-01-05T09:00:00Z"));
  }

  /** Jitter that always picks the top of its range. */
  private static final class CeilingJitter implements RandomGenerator {
    @Override
    public long nextLong() {
      return Long.MAX_VALUE;
    }

    @Override
    public long nextLong(long bound) {
      return bound - 1;
    }
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
