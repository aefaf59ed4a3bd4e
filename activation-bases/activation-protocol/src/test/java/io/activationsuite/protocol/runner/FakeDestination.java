package io.activationsuite.protocol.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.protocol.checkpoint.RecordTicket;
import io.activationsuite.protocol.checkpoint.StateScope;
import io.activationsuite.protocol.errors.ConfigErrorException;
import io.activationsuite.protocol.errors.TransientErrorException;
import io.activationsuite.protocol.model.AirbyteConnectionStatus;
import io.activationsuite.protocol.model.ConnectorSpecification;
import io.activationsuite.protocol.model.DestinationCatalog;
import io.activationsuite.protocol.model.DestinationOperation;
import io.activationsuite.protocol.model.DestinationSyncMode;
import io.activationsuite.protocol.model.Json;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A test-only connector. Its config chooses how records end: {@code immediate} (acknowledged on
 * accept), {@code gated} (held until the test releases them through {@link #GATE}), or {@code reversed}
 * (acknowledged at drain, last first). Records whose data has {@code "reject": true} are rejected.
 */
@Singleton
public final class FakeDestination implements Destination {
  /** Controls the gated mode from tests. */
  public static final Gate GATE = new Gate();

  @Override
  public ConnectorSpecification spec() {
    ObjectNode schema = (ObjectNode) Json.mapper().valueToTree(Map.of(
        "$schema", "http://json-schema.org/draft-07/schema#",
        "type", "object",
        "required", List.of("api_key"),
        "additionalProperties", true,
        "properties", Map.of(
            "api_key", Map.of("type", "string", "airbyte_secret", true),
            "mode", Map.of("type", "string", "enum", List.of("immediate", "gated", "reversed")),
            "fail_check", Map.of("type", "string", "enum", List.of("none", "config", "bug")))));
    return new ConnectorSpecification("https://example.test/docs", null, schema, true, false, false,
        List.of(DestinationSyncMode.APPEND), null, "0.2.0", null);
  }

  @Override
  public AirbyteConnectionStatus check(JsonNode config) {
    String apiKey = config.get("api_key").asText();
    return switch (config.path("fail_check").asText("none")) {
      case "config" -> throw new ConfigErrorException("The API key " + apiKey + " was refused (401).");
      case "bug" -> throw new IllegalStateException("unexpected state while using key " + apiKey);
      default -> AirbyteConnectionStatus.succeeded();
    };
  }

  @Override
  public DestinationCatalog discover(JsonNode config) {
    ObjectNode schema = Json.mapper().createObjectNode().put("type", "object");
    return new DestinationCatalog(
        List.of(new DestinationOperation("widgets", DestinationSyncMode.APPEND, schema, null)));
  }

  @Override
  public WriteSession openWrite(WriteContext context) {
    String mode = context.config().path("mode").asText("immediate");
    return new FakeSession(mode);
  }

  /** Lets a test hold records, observe what arrived, and release acknowledgements one by one. */
  public static final class Gate {
    final List<InboundRecord> received = new CopyOnWriteArrayList<>();
    final List<StateScope> statesSeen = new CopyOnWriteArrayList<>();
    final Semaphore releases = new Semaphore(0);
    volatile CountDownLatch arrived = new CountDownLatch(0);
    volatile boolean failDrain;

    public void reset(int expectedArrivals) {
      received.clear();
      statesSeen.clear();
      releases.drainPermits();
      arrived = new CountDownLatch(expectedArrivals);
      failDrain = false;
    }

    public boolean awaitArrivals() throws InterruptedException {
      return arrived.await(10, TimeUnit.SECONDS);
    }

    /** Acknowledges the received record at {@code index}. */
    public void acknowledge(int index) {
      received.get(index).ticket().acknowledged();
      releases.release();
    }

    public List<InboundRecord> received() {
      return received;
    }
  }

  private static final class FakeSession implements WriteSession {
    private final String mode;
    private final List<RecordTicket> held = new ArrayList<>();

    FakeSession(String mode) {
      this.mode = mode;
    }

    @Override
    public void accept(InboundRecord record) {
      if (record.data().path("reject").asBoolean(false)) {
        record.ticket().rejected();
        return;
      }
      switch (mode) {
        case "gated" -> {
          GATE.received.add(record);
          GATE.arrived.countDown();
        }
        case "reversed" -> held.add(record.ticket());
        default -> record.ticket().acknowledged();
      }
    }

    @Override
    public void reject(UnreadableRecord record) {
      record.ticket().rejected();
    }

    @Override
    public void onState(StateScope scope) {
      if ("gated".equals(mode)) {
        GATE.statesSeen.add(scope);
        GATE.arrived.countDown();
      }
    }

    @Override
    public void drain() throws InterruptedException {
      if ("reversed".equals(mode)) {
        for (int i = held.size() - 1; i >= 0; i--) {
          held.get(i).acknowledged();
        }
      }
      if ("gated".equals(mode)) {
        if (GATE.failDrain) {
          throw new TransientErrorException("The destination's daily quota is used up; it resets at midnight.");
        }
        for (InboundRecord record : GATE.received) {
          while (!record.ticket().ended()) {
            if (!GATE.releases.tryAcquire(10, TimeUnit.SECONDS)) {
              throw new IllegalStateException("test never released the gated records");
            }
          }
        }
      }
    }

    @Override
    public void close() {}
  }
}
