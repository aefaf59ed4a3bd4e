package io.activationsuite.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.acceptance.capabilities.Requires;
import io.activationsuite.acceptance.connectors.Capability;
import io.activationsuite.acceptance.connectors.ConnectorDescriptor;
import io.activationsuite.acceptance.connectors.Connectors;
import io.activationsuite.acceptance.connectors.WriteTarget;
import io.activationsuite.acceptance.harness.CommandResult;
import io.activationsuite.acceptance.harness.FaultProxy;
import io.activationsuite.acceptance.harness.FaultProxy.ProtocolFault;
import io.activationsuite.testkit.messages.EchoedStates;
import io.activationsuite.testkit.messages.PlatformSyncInput;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Protocol-level faults on the connector's write call, scripted by WireMock in front of the sandbox: the API
 * handled the request, then the answer is spoiled (truncated, an HTML page, a slow drip within or past the read
 * timeout, a reset). An
 * idempotent write is resent and every record lands once; a create is not resent, its records end rejected
 * as {@code DELIVERY_UNCERTAIN}, and nothing is written twice (HubSpot batch/create, Salesforce insert, Zendesk
 * create_many, Braze events, Slack posts).
 */
class ProtocolFaultAcceptanceTest extends SyncOutcomeTestBase {

  private static final int RECORDS = 12;
  private static final int STATE_EVERY = 4;

  private final Map<String, FaultProxy> proxies = new HashMap<>();

  @BeforeEach
  void resetProxies() {
    proxies.values().forEach(FaultProxy::reset);
  }

  @AfterAll
  void stopProxies() {
    proxies.values().forEach(FaultProxy::close);
  }

  private FaultProxy proxy(ConnectorDescriptor connector) {
    return proxies.computeIfAbsent(connector.emulator(), name -> FaultProxy.start(sandbox(connector)));
  }

  static Stream<Arguments> everyFault() {
    return Connectors.all().flatMap(c -> EnumSet.allOf(ProtocolFault.class).stream().map(f -> Arguments.of(c, f)));
  }

  /** A slow drip within the read timeout is no fault for a create either: the upsert case shows it. */
  static Stream<Arguments> uncertainFaults() {
    return Connectors.all().flatMap(c -> EnumSet.complementOf(EnumSet.of(ProtocolFault.SLOW_DRIP)).stream()
        .map(f -> Arguments.of(c, f)));
  }

  private CommandResult write(ConnectorDescriptor connector, long syncId, WriteTarget target,
      List<ObjectNode> records, PlatformSyncInput input, ProtocolFault fault) {
    FaultProxy proxy = proxy(connector);
    proxy.spoilFirstWrite(fault, records.get(0).path(connector.identityField(target.object())).asText());
    ObjectNode config = proxy.redirect(connector.withObjectStorage(connector.validConfig(sandbox(connector)),
        bucket().storage()));
    CommandResult result = harness(connector).write(config, catalog(syncId, target, records), input.lines(),
        fault.connectorEnvironment());
    assertThat(proxy.spoiledPaths()).as("the first write call was spoiled: " + result.describe()).hasSize(1);
    assertNoSecretLeaked(result, List.of(bucket().secret()));
    return result;
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("everyFault")
  @Requires(Capability.UPSERT_READ_BACK)
  void aSpoiledAnswerToAnIdempotentWriteIsResentAndEveryRecordLandsOnce(ConnectorDescriptor connector,
      ProtocolFault fault) {
    WriteTarget target = connector.upsertTarget();
    List<ObjectNode> records = records(connector, target, RECORDS);
    PlatformSyncInput input = input(records, STATE_EVERY);
    CommandResult result = write(connector, 7101, target, records, input, fault);

    assertSucceeded(connector, result);
    EchoedStates.assertEchoed(input.states(), result.states());
    assertThat(EchoedStates.rejectedCount(result.states())).as("nothing rejected").isZero();
    assertLandedExactly(connector, target.object(), records);
    assertThat(proxy(connector).timesTheSpoiledWriteWasSent()).as("the idempotent write was resent")
        .isEqualTo(fault == ProtocolFault.SLOW_DRIP ? 1 : 2);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("uncertainFaults")
  @Requires(Capability.APPEND_READ_BACK)
  void aSpoiledAnswerToACreateRejectsItsRecordsAsDeliveryUncertainAndWritesNothingTwice(
      ConnectorDescriptor connector, ProtocolFault fault) {
    long syncId = 7102;
    WriteTarget target = connector.appendTarget();
    List<ObjectNode> records = records(connector, target, RECORDS);
    PlatformSyncInput input = input(records, STATE_EVERY);
    CommandResult result = write(connector, syncId, target, records, input, fault);

    assertSucceeded(connector, result);
    EchoedStates.assertEchoed(input.states(), result.states());
    long rejected = EchoedStates.rejectedCount(result.states());
    assertThat(rejected).as("the spoiled create's records are rejected").isPositive();
    List<JsonNode> stored = bucket().rejected(syncId);
    assertThat(stored).as("every rejected record stored with its reason").hasSize((int) rejected);
    assertThat(stored).allSatisfy(r -> assertThat(r.path("reason").asText()).isEqualTo("DELIVERY_UNCERTAIN"));
    assertThat(proxy(connector).timesTheSpoiledWriteWasSent()).as("the create was not resent").isEqualTo(1);
    assertThat(connector.liveCount(sandbox(connector), target.object()))
        .as("every record landed once (the spoiled create reached the API), none twice").isEqualTo(RECORDS);
  }
}
