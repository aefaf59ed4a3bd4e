package io.activationsuite.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.acceptance.capabilities.Requires;
import io.activationsuite.acceptance.connectors.Capability;
import io.activationsuite.acceptance.connectors.ConnectorDescriptor;
import io.activationsuite.acceptance.connectors.WriteTarget;
import io.activationsuite.acceptance.harness.CommandResult;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.testkit.messages.EchoedStates;
import io.activationsuite.testkit.messages.PlatformSyncInput;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Faults the destination throws at a sync beyond the fault matrix ({@link FaultMatrixAcceptanceTest}): a throttle
 * that means the allocation is spent, a failing token endpoint, records the API refuses. (A killed process:
 * {@link KillRerunAcceptanceTest}.)
 */
class WriteResilienceAcceptanceTest extends SyncOutcomeTestBase {

  @ParameterizedTest(name = "{0}")
  @MethodSource(CONNECTORS)
  @Requires({Capability.THROTTLE_STOP, Capability.UPSERT_READ_BACK})
  void exhaustedDailyAllocationStopsTheSyncWithoutHammeringAndTheNextSyncLandsEverything(
      ConnectorDescriptor connector) {
    WriteTarget target = connector.readBackTarget();
    List<ObjectNode> records = records(connector, target, 40);
    PlatformSyncInput input = input(records, 10);
    EmulatorServer sandbox = sandbox(connector);
    ObjectNode config = connector.validConfig(sandbox);
    CommandResult stopped = harness(connector).write(config, catalog(1, target, records), input.lines(),
        armAfterAuthentication(connector, faults -> faults.throttleNext(1_000)));

    assertCleanStop(connector, input, stopped);
    assertThat(stopped.traceErrors().get(0).path("failure_type").asText()).as(stopped.describe())
        .isEqualTo("transient_error");
    assertThat(countOutcome(sandbox, "INJECTED_THROTTLE")).as("a spent allocation is not retried")
        .isBetween(1L, 4L);

    assertNextSyncLandsEverything(connector, config, 2, target, records, input);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(CONNECTORS)
  @Requires({Capability.TOKEN_ENDPOINT, Capability.READ_BACK})
  void serverErrorsFromTheTokenEndpointAreRetried(ConnectorDescriptor connector) {
    WriteTarget target = connector.readBackTarget();
    List<ObjectNode> records = records(connector, target, 20);
    PlatformSyncInput input = input(records, 10);
    EmulatorServer sandbox = sandbox(connector);
    sandbox.faults().failNext(2, 503);
    CommandResult result = harness(connector).write(connector.validConfig(sandbox), catalog(5, target, records),
        input.lines());
    assertSucceeded(connector, result);
    EchoedStates.assertEchoed(input.states(), result.states());
    assertThat(sandbox.requests().matching(e -> e.outcome().equals("INJECTED_ERROR")
        && e.path().equals(connector.authenticationPath().orElseThrow()))).as("the login was refused").hasSize(2);
    assertLandedExactly(connector, target.object(), records);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(CONNECTORS)
  @Requires({Capability.REFUSED_RECORDS, Capability.READ_BACK})
  void recordsTheApiRefusesLandInTheS3BucketUnderTheSyncIdAndAreCounted(ConnectorDescriptor connector) {
    long syncId = 9001;
    WriteTarget target = connector.readBackTarget();
    List<ObjectNode> good = records(connector, target, 12);
    List<ObjectNode> refused = List.of(connector.refusedRecord(target, 1), connector.refusedRecord(target, 2),
        connector.refusedRecord(target, 3));
    PlatformSyncInput input = new PlatformSyncInput().started(STREAM);
    for (int i = 0; i < good.size(); i++) {
      input.record(STREAM, good.get(i));
      if (i % 4 == 1) {
        input.record(STREAM, refused.get(i / 4));
      }
      if (i % 6 == 5) {
        input.streamState(STREAM);
      }
    }
    input.streamState(STREAM).complete(STREAM);
    List<ObjectNode> samples = new ArrayList<>(good);
    samples.addAll(refused);
    ObjectNode config = connector.withObjectStorage(connector.validConfig(sandbox(connector)), bucket().storage());
    CommandResult result = harness(connector).write(config, catalog(syncId, target, samples), input.lines());

    assertSucceeded(connector, result);
    assertNoSecretLeaked(result, List.of(bucket().secret()));
    EchoedStates.assertEchoed(input.states(), result.states());
    assertThat(EchoedStates.rejectedCount(result.states())).isEqualTo(refused.size());
    assertLandedExactly(connector, target.object(), good);
    List<JsonNode> stored = bucket().rejected(syncId);
    assertThat(stored).as("rejected records stored under <bucket_path>/<sync_id>/, one each")
        .hasSize(refused.size());
    assertThat(stored).allSatisfy(r -> assertThat(r.path("reason").asText()).as("a reason").isNotBlank());
    String identity = connector.identityField(target.object());
    for (ObjectNode record : refused) {
      assertThat(stored).as("the refused record %s", record.path(identity).asText())
          .anyMatch(r -> r.path("record").path(identity).asText().equals(record.path(identity).asText()));
    }
    for (String secret : connector.secrets(sandbox(connector))) {
      assertThat(stored.toString()).doesNotContain(secret);
    }
  }
}
