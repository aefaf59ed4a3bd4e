package io.activationsuite.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.acceptance.capabilities.ConnectorCases;
import io.activationsuite.acceptance.capabilities.Requires;
import io.activationsuite.acceptance.connectors.Capability;
import io.activationsuite.acceptance.connectors.ConnectorDescriptor;
import io.activationsuite.acceptance.connectors.Digests;
import io.activationsuite.acceptance.connectors.WriteTarget;
import io.activationsuite.acceptance.harness.CommandResult;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.testkit.messages.EchoedStates;
import io.activationsuite.testkit.messages.PlatformSyncInput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sandbox ends exactly as the input says it should, for every (object, mode) the connector supports, and for
 * digests: every row in exactly one message.
 */
class DestinationStateAcceptanceTest extends AcceptanceTestBase {

  private static final int RECORDS = 12;
  private static final int DIGEST_ROWS = 100;

  static Stream<Arguments> targets() {
    return ConnectorCases.each(ConnectorDescriptor::writeTargets, "declares no write targets");
  }

  private CommandResult sync(ConnectorDescriptor connector, WriteTarget target, List<ObjectNode> records) {
    PlatformSyncInput input = new PlatformSyncInput().started("rows");
    for (int i = 0; i < records.size(); i++) {
      input.record("rows", records.get(i));
      if (i % 5 == 4) {
        input.streamState("rows");
      }
    }
    input.streamState("rows").complete("rows");
    CommandResult result = harness(connector).write(connector.validConfig(sandbox(connector)),
        catalog(7, List.of("rows"), List.of(target), records), input.lines());
    assertSucceeded(connector, result);
    EchoedStates.assertEchoed(input.states(), result.states());
    assertThat(EchoedStates.rejectedCount(result.states())).as(result.describe()).isZero();
    return result;
  }

  private List<ObjectNode> records(ConnectorDescriptor connector, WriteTarget target, int from, int to, int version) {
    List<ObjectNode> records = new ArrayList<>();
    for (int i = from; i < to; i++) {
      records.add(connector.record(target, i, version, sandbox(connector)));
    }
    return records;
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("targets")
  void finalSandboxStateEqualsWhatTheInputSays(ConnectorDescriptor connector, WriteTarget target) {
    EmulatorServer sandbox = sandbox(connector);
    WriteTarget seed = target.appends() ? target : connector.upsertTarget();
    Map<String, ObjectNode> expected = new LinkedHashMap<>();
    String identity = connector.identityField(target.landsIn());
    switch (target.syncMode()) {
      case "append" -> records(connector, target, 0, RECORDS, 1).forEach(r -> expected.put(key(r, identity), r));
      case "append_dedup" -> {
        sync(connector, target, records(connector, target, 0, RECORDS, 1));
        records(connector, target, 0, RECORDS, 1).forEach(r -> expected.put(key(r, identity), r));
        List<ObjectNode> second = records(connector, target, 0, RECORDS / 2, 2);
        sync(connector, target, second);
        second.forEach(r -> expected.put(key(r, identity), r));
      }
      case "update", "soft_delete" -> {
        List<ObjectNode> seeded = records(connector, seed, 0, RECORDS, 1);
        sync(connector, seed, seeded);
        seeded.forEach(r -> expected.put(key(r, identity), r));
      }
      default -> throw new IllegalArgumentException("no expectation for mode " + target.syncMode());
    }
    if (target.syncMode().equals("append")) {
      sync(connector, target, records(connector, target, 0, RECORDS, 1));
    } else if (target.syncMode().equals("update")) {
      List<ObjectNode> updates = records(connector, target, 0, RECORDS / 2, 3);
      sync(connector, target, updates);
      for (int i = 0; i < updates.size(); i++) {
        String updated = key(connector.record(seed, i, 1, sandbox), identity);
        expected.get(updated).setAll(withoutKeys(updates.get(i), target));
      }
    } else if (target.syncMode().equals("soft_delete")) {
      List<ObjectNode> deletes = records(connector, target, 0, RECORDS / 2, 1);
      sync(connector, target, deletes);
      records(connector, seed, 0, RECORDS / 2, 1).forEach(r -> expected.remove(key(r, identity)));
    }

    Map<String, Map<String, String>> landed = connector.landed(sandbox, target.landsIn());
    assertThat(landed.keySet()).as("records of %s", target.landsIn()).containsExactlyInAnyOrderElementsOf(
        expected.keySet());
    assertThat(connector.liveCount(sandbox, target.landsIn())).as("no duplicates").isEqualTo(expected.size());
    expected.forEach((key, record) -> record.fields().forEachRemaining(field -> {
      if (!target.matchingKey().contains(field.getKey()) || target.syncMode().equals("append_dedup")) {
        assertThat(landed.get(key).get(field.getKey())).as("%s of %s", field.getKey(), key)
            .isEqualTo(field.getValue().asText());
      }
    }));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(CONNECTORS)
  @Requires(Capability.DIGEST_MESSAGES)
  void manyRowsGatherIntoFullDigestsWithinTheBlockLimitAndEveryRowIsInExactlyOne(ConnectorDescriptor connector) {
    Digests digests = connector.digests();
    WriteTarget target = digests.target();
    EmulatorServer sandbox = sandbox(connector);
    List<ObjectNode> rows = records(connector, target, 0, DIGEST_ROWS, 1);
    PlatformSyncInput input = new PlatformSyncInput().started("rows");
    rows.forEach(r -> input.record("rows", r));
    input.streamState("rows").complete("rows"); // one STATE: nothing asks for a digest before the rows are in
    CommandResult result = harness(connector).write(digests.config(sandbox),
        catalog(8, List.of("rows"), List.of(target), rows), input.lines());
    assertSucceeded(connector, result);
    EchoedStates.assertEchoed(input.states(), result.states());
    assertThat(EchoedStates.rejectedCount(result.states())).as(result.describe()).isZero();

    List<Digests.Digest> landed = digests.landed(sandbox);
    String identity = connector.identityField(target.landsIn());
    assertThat(landed.stream().flatMap(d -> d.rows().stream()))
        .as("every row in exactly one digest: %s", landed)
        .containsExactlyInAnyOrderElementsOf(rows.stream().map(r -> key(r, identity)).toList());
    assertThat(landed).as("within the block limit").allSatisfy(d -> assertThat(d.blocks())
        .isLessThanOrEqualTo(digests.maxBlocks()));
    assertThat(landed.stream().mapToInt(Digests.Digest::blocks).max().orElse(0))
        .as("many rows gathered into a message the block limit filled: %s", landed).isEqualTo(digests.maxBlocks());
    assertThat(landed).as("no digest beyond those the block limit forces")
        .hasSize((int) Math.ceil((double) DIGEST_ROWS / landed.get(0).rows().size()));
  }

  private static String key(ObjectNode record, String identity) {
    return record.path(identity).asText();
  }

  private static ObjectNode withoutKeys(ObjectNode record, WriteTarget target) {
    ObjectNode copy = record.deepCopy();
    target.matchingKey().forEach(copy::remove);
    return copy;
  }
}
