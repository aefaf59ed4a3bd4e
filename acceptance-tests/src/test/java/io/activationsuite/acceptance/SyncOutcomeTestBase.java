package io.activationsuite.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.acceptance.connectors.ConnectorDescriptor;
import io.activationsuite.acceptance.connectors.WriteTarget;
import io.activationsuite.acceptance.harness.CommandResult;
import io.activationsuite.acceptance.harness.RejectedRecordsBucket;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.FaultController;
import io.activationsuite.testkit.messages.EchoedStates;
import io.activationsuite.testkit.messages.PlatformSyncInput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the fault and bad-input suites share: one-stream syncs of a connector's records, faults armed once
 * the connector has logged in, and the two endings a faulted sync may have - every record landed exactly
 * once, or a clean stop (a prefix of the states echoed with counts adding up, one TRACE a user can act on).
 * A test that reads rejected records back uses {@link #bucket()}: started on first use, emptied before each
 * test.
 */
abstract class SyncOutcomeTestBase extends AcceptanceTestBase {

  static final String STREAM = "users";
  private static final Duration AUTHENTICATION_TIMEOUT = Duration.ofSeconds(60);

  private RejectedRecordsBucket bucket;

  /** The S3 bucket rejected records are stored in (see {@link ConnectorDescriptor#withObjectStorage}). */
  RejectedRecordsBucket bucket() {
    if (bucket == null) {
      bucket = RejectedRecordsBucket.start();
    }
    return bucket;
  }

  @BeforeEach
  void clearBucket() {
    if (bucket != null) {
      bucket.clear();
    }
  }

  @AfterAll
  void stopBucket() {
    if (bucket != null) {
      bucket.close();
    }
  }

  List<ObjectNode> records(ConnectorDescriptor connector, WriteTarget target, int count) {
    List<ObjectNode> records = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      records.add(connector.record(target, i, 1, sandbox(connector)));
    }
    return records;
  }

  /** STARTED, the records with a STATE after every {@code stateEvery}, a last STATE, COMPLETE. */
  static PlatformSyncInput input(List<ObjectNode> records, int stateEvery) {
    PlatformSyncInput input = new PlatformSyncInput().started(STREAM);
    for (int i = 0; i < records.size(); i++) {
      input.record(STREAM, records.get(i));
      if ((i + 1) % stateEvery == 0) {
        input.streamState(STREAM);
      }
    }
    return input.streamState(STREAM).complete(STREAM);
  }

  static String catalog(long syncId, WriteTarget target, List<? extends JsonNode> samples) {
    return catalog(syncId, List.of(STREAM), List.of(target), samples);
  }

  /** Every record of {@code records} is live in the sandbox once, with its values; nothing else is. */
  void assertLandedExactly(ConnectorDescriptor connector, String object, List<ObjectNode> records) {
    EmulatorServer sandbox = sandbox(connector);
    var landed = connector.landed(sandbox, object);
    String identity = connector.identityField(object);
    assertThat(connector.liveCount(sandbox, object)).as("one record per key, none lost").isEqualTo(records.size());
    for (ObjectNode record : records) {
      String key = record.path(identity).asText();
      assertThat(landed).containsKey(key);
      record.fields().forEachRemaining(field -> assertThat(landed.get(key).get(field.getKey()))
          .as("%s of %s", field.getKey(), key).isEqualTo(field.getValue().asText()));
    }
  }

  /**
   * Arms faults once the connector has authenticated (when it calls a token or discovery endpoint first), so
   * they hit API calls; runs before the connector gets its first input line.
   */
  Runnable armAfterAuthentication(ConnectorDescriptor connector, Consumer<FaultController> arm) {
    EmulatorServer sandbox = sandbox(connector);
    return () -> {
      connector.authenticationPath().ifPresent(path -> awaitCall(sandbox, path));
      arm.accept(sandbox.faults());
    };
  }

  private static void awaitCall(EmulatorServer sandbox, String path) {
    long deadline = System.nanoTime() + AUTHENTICATION_TIMEOUT.toNanos();
    while (sandbox.requests().matching(e -> e.path().equals(path)).isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the connector did not call " + path + " within " + AUTHENTICATION_TIMEOUT);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
    }
  }

  static long countOutcome(EmulatorServer sandbox, String outcome) {
    return sandbox.requests().matching(e -> e.outcome().equals(outcome)).size();
  }

  /** After a clean stop: with the faults cleared, the same input synced again lands every record exactly once. */
  void assertNextSyncLandsEverything(ConnectorDescriptor connector, ObjectNode config, long syncId,
      WriteTarget target, List<ObjectNode> records, PlatformSyncInput input) {
    sandbox(connector).faults().reset();
    CommandResult next = harness(connector).write(config, catalog(syncId, target, records), input.lines());
    assertSucceeded(connector, next);
    EchoedStates.assertEchoed(input.states(), next.states());
    assertLandedExactly(connector, target.object(), records);
  }

  /**
   * A clean stop: non-zero exit, exactly one TRACE error a user can act on (a message, no stack trace, no
   * secret), and the states echoed are a prefix of those sent, each with counts adding up.
   */
  void assertCleanStop(ConnectorDescriptor connector, PlatformSyncInput input, CommandResult result) {
    assertThat(result.exitCode()).as(result.describe()).isNotZero();
    assertThat(result.traceErrors()).as(result.describe()).hasSize(1);
    JsonNode error = result.traceErrors().get(0);
    String message = error.path("message").asText();
    assertThat(message).as("the TRACE says what happened").isNotBlank();
    assertThat(message).as("no stack trace as a user's message")
        .doesNotContain("\tat ", "Exception:", "Exception\n", ".java:");
    assertThat(error.path("failure_type").asText()).isIn("transient_error", "config_error", "system_error");
    assertNoSecretLeaked(result, connector.secrets(sandbox(connector)));
    assertThat(result.states().size()).as("only earned states").isLessThanOrEqualTo(input.states().size());
    EchoedStates.assertEchoed(input.states().subList(0, result.states().size()), result.states());
  }
}
