package io.activationsuite.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.acceptance.capabilities.ConnectorCases;
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
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The write contract with the platform: STATE echo and counts, stream shapes, bad input, unsupported modes. Runs
 * on each connector's {@code readBackTarget()} (its idempotent upsert, else its append target: each record has
 * its own key, so "no duplicates" holds for both).
 */
class WriteProtocolAcceptanceTest extends AcceptanceTestBase {

  private static final long SYNC_ID = 4242;

  private List<ObjectNode> records(ConnectorDescriptor connector, int from, int count) {
    List<ObjectNode> records = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      records.add(connector.record(connector.readBackTarget(), i, 1, sandbox(connector)));
    }
    return records;
  }

  private String catalog(ConnectorDescriptor connector, List<String> streams, List<ObjectNode> samples) {
    List<WriteTarget> targets = streams.stream().map(s -> connector.readBackTarget()).toList();
    return catalog(SYNC_ID, streams, targets, samples);
  }

  private void assertAllLanded(ConnectorDescriptor connector, List<ObjectNode> records) {
    EmulatorServer sandbox = sandbox(connector);
    String object = connector.readBackTarget().object();
    var landed = connector.landed(sandbox, object);
    String identity = connector.identityField(object);
    for (ObjectNode record : records) {
      String key = record.path(identity).asText();
      assertThat(landed).as("record %s landed", key).containsKey(key);
      record.fields().forEachRemaining(field -> assertThat(landed.get(key).get(field.getKey()))
          .as("%s of %s", field.getKey(), key).isEqualTo(field.getValue().asText()));
    }
    assertThat(connector.liveCount(sandbox, object)).as("no duplicates").isEqualTo(landed.size());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(CONNECTORS)
  @Requires(Capability.READ_BACK)
  void statesComeBackInOrderWithTheirIdsAndCountsThatAddUp(ConnectorDescriptor connector) {
    List<ObjectNode> records = records(connector, 0, 30);
    PlatformSyncInput input = new PlatformSyncInput(100).started("users");
    for (int i = 0; i < records.size(); i++) {
      input.record("users", records.get(i));
      if (i % 7 == 6) {
        input.streamState("users");
      }
    }
    input.streamState("users").complete("users");
    CommandResult result = harness(connector).write(connector.validConfig(sandbox(connector)),
        catalog(connector, List.of("users"), records), input.lines());
    assertSucceeded(connector, result);
    EchoedStates.assertEchoed(input.states(), result.states());
    assertThat(EchoedStates.recordCount(result.states())).isEqualTo(records.size());
    assertAllLanded(connector, records);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(CONNECTORS)
  @Requires(Capability.READ_BACK)
  void interleavedStreamsWithStreamStatesAndAnEmptyStream(ConnectorDescriptor connector) {
    List<ObjectNode> first = records(connector, 0, 12);
    List<ObjectNode> second = records(connector, 100, 12);
    PlatformSyncInput input = new PlatformSyncInput().started("a", "b", "empty");
    for (int i = 0; i < first.size(); i++) {
      input.record("a", first.get(i)).record("b", second.get(i));
      if (i % 4 == 3) {
        input.streamState("b").streamState("a");
      }
    }
    input.streamState("empty").complete("a", "b", "empty");
    List<ObjectNode> all = new ArrayList<>(first);
    all.addAll(second);
    CommandResult result = harness(connector).write(connector.validConfig(sandbox(connector)),
        catalog(connector, List.of("a", "b", "empty"), all), input.lines());
    assertSucceeded(connector, result);
    assertStatesPerStreamInOrder(input, result);
    assertAllLanded(connector, all);
  }

  /** Per-stream order is what the protocol requires; across streams any interleaving is allowed. */
  private static void assertStatesPerStreamInOrder(PlatformSyncInput input, CommandResult result) {
    for (String stream : List.of("a", "b", "empty")) {
      EchoedStates.assertEchoed(ofStream(input.states(), stream), ofStream(result.states(), stream));
    }
    assertThat(result.states()).hasSameSizeAs(input.states());
  }

  private static List<ObjectNode> ofStream(List<ObjectNode> states, String stream) {
    return states.stream()
        .filter(s -> s.path("state").path("stream").path("stream_descriptor").path("name").asText().equals(stream))
        .toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(CONNECTORS)
  @Requires(Capability.READ_BACK)
  void globalStatesCoverEveryStream(ConnectorDescriptor connector) {
    List<ObjectNode> first = records(connector, 0, 10);
    List<ObjectNode> second = records(connector, 50, 10);
    PlatformSyncInput input = new PlatformSyncInput(7).started("a", "b");
    for (int i = 0; i < first.size(); i++) {
      input.record("a", first.get(i)).record("b", second.get(i));
      if (i % 3 == 2) {
        input.globalState("a", "b");
      }
    }
    input.globalState("a", "b").complete("a", "b");
    List<ObjectNode> all = new ArrayList<>(first);
    all.addAll(second);
    CommandResult result = harness(connector).write(connector.validConfig(sandbox(connector)),
        catalog(connector, List.of("a", "b"), all), input.lines());
    assertSucceeded(connector, result);
    EchoedStates.assertEchoed(input.states(), result.states());
    assertAllLanded(connector, all);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(CONNECTORS)
  @Requires(Capability.READ_BACK)
  void fieldsTheDestinationDoesNotKnowAreIgnored(ConnectorDescriptor connector) {
    List<ObjectNode> records = records(connector, 0, 8);
    PlatformSyncInput input = new PlatformSyncInput().started("users");
    for (ObjectNode record : records) {
      ObjectNode withExtra = record.deepCopy().put("not_a_destination_field", "ignored");
      withExtra.putObject("nested_unknown").put("x", 1);
      input.record("users", withExtra);
    }
    input.streamState("users").complete("users");
    CommandResult result = harness(connector).write(connector.validConfig(sandbox(connector)),
        catalog(connector, List.of("users"), records), input.lines());
    assertSucceeded(connector, result);
    EchoedStates.assertEchoed(input.states(), result.states());
    assertThat(EchoedStates.rejectedCount(result.states())).isZero();
    assertAllLanded(connector, records);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(CONNECTORS)
  @Requires(Capability.READ_BACK)
  void malformedLinesAreRejectedAndCounted(ConnectorDescriptor connector) {
    List<ObjectNode> records = records(connector, 0, 9);
    PlatformSyncInput input = new PlatformSyncInput().started("users");
    for (int i = 0; i < records.size(); i++) {
      input.record("users", records.get(i));
      if (i % 3 == 0) {
        input.malformedRecord("users");
      }
    }
    input.streamState("users").complete("users");
    CommandResult result = harness(connector).write(connector.validConfig(sandbox(connector)),
        catalog(connector, List.of("users"), records), input.lines());
    assertSucceeded(connector, result);
    EchoedStates.assertEchoed(input.states(), result.states());
    assertThat(EchoedStates.rejectedCount(result.states())).isEqualTo(3);
    assertAllLanded(connector, records);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(CONNECTORS)
  @Requires(Capability.READ_BACK)
  void incompleteStreamEchoesItsStatesThenFailsWithATrace(ConnectorDescriptor connector) {
    List<ObjectNode> records = records(connector, 0, 10);
    PlatformSyncInput input = new PlatformSyncInput().started("users");
    records.forEach(r -> input.record("users", r));
    input.streamState("users").streamStatus("users", "INCOMPLETE");
    CommandResult result = harness(connector).write(connector.validConfig(sandbox(connector)),
        catalog(connector, List.of("users"), records), input.lines());
    assertThat(result.exitCode()).as(result.describe()).isNotZero();
    assertThat(result.traceErrors()).as(result.describe()).hasSize(1);
    EchoedStates.assertEchoed(input.states(), result.states());
    assertNoSecretLeaked(result, connector.secrets(sandbox(connector)));
    assertAllLanded(connector, records);
  }

  static Stream<Arguments> unsupportedTargets() {
    return ConnectorCases.each(ConnectorDescriptor::unsupportedTargets, "declares no unsupported targets");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("unsupportedTargets")
  @Requires(Capability.UNSUPPORTED_TARGETS)
  void unsupportedModeFailsLoudlyWithAConfigError(ConnectorDescriptor connector, WriteTarget target) {
    List<ObjectNode> records = records(connector, 0, 3);
    PlatformSyncInput input = new PlatformSyncInput().started("users");
    records.forEach(r -> input.record("users", r));
    input.streamState("users").complete("users");
    String catalog = catalog(SYNC_ID, List.of("users"), List.of(target), records);
    CommandResult result = harness(connector).write(connector.validConfig(sandbox(connector)), catalog,
        input.lines());
    String message = assertConfigError(result);
    assertThat(message).as("the error names the object or mode").containsAnyOf(target.object(), target.syncMode());
    assertThat(result.states()).as("nothing was written, so nothing is checkpointed").isEmpty();
    assertThat(connector.liveCount(sandbox(connector), target.object())).isZero();
    assertNoSecretLeaked(result, connector.secrets(sandbox(connector)));
  }
}
