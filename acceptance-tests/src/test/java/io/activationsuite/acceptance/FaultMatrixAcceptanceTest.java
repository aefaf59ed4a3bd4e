package io.activationsuite.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.acceptance.capabilities.Requires;
import io.activationsuite.acceptance.connectors.Capability;
import io.activationsuite.acceptance.connectors.ConnectorDescriptor;
import io.activationsuite.acceptance.connectors.WriteTarget;
import io.activationsuite.acceptance.harness.CommandResult;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.FaultController;
import io.activationsuite.testkit.messages.EchoedStates;
import io.activationsuite.testkit.messages.PlatformSyncInput;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same faults thrown at every connector's sync: a 429 storm, a burst of server errors then 10%, connection
 * resets, the access token expiring mid-sync (OAuth connectors), the vendor's request quota running out (vendors
 * with one). Each sync ends either in success with every record landed once, or in a clean stop (earned states
 * echoed, one TRACE a user can act on) after which the next sync lands everything.
 */
class FaultMatrixAcceptanceTest extends SyncOutcomeTestBase {

  private static final int RECORDS = 30;
  private static final int STATE_EVERY = 10;
  private static final long SEED = 20261201L;
  private static final int SERVER_ERROR_BURST = 3;

  /** Runs a sync with faults armed after the login; returns how many the sandbox injected. */
  private long retryToTheEnd(ConnectorDescriptor connector, long syncId, Consumer<FaultController> arm,
      String injectedOutcome) {
    WriteTarget target = connector.readBackTarget();
    List<ObjectNode> records = records(connector, target, RECORDS);
    PlatformSyncInput input = input(records, STATE_EVERY);
    EmulatorServer sandbox = sandbox(connector);
    CommandResult result = harness(connector).write(connector.validConfig(sandbox),
        catalog(syncId, target, records), input.lines(), armAfterAuthentication(connector, arm));

    assertSucceeded(connector, result);
    EchoedStates.assertEchoed(input.states(), result.states());
    assertThat(EchoedStates.rejectedCount(result.states())).as("nothing rejected").isZero();
    long injected = countOutcome(sandbox, injectedOutcome);
    assertThat(injected).as("the sandbox injected %s", injectedOutcome).isPositive();
    assertLandedExactly(connector, target.object(), records);
    return injected;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(CONNECTORS)
  @Requires({Capability.THROTTLE_RETRY, Capability.READ_BACK})
  void aRateLimitStormIsWaitedOutAndEveryRecordLandsOnce(ConnectorDescriptor connector) {
    // the next 6 calls are throttled, each answer naming a 500 ms window: several waits in a row (counted, not
    // timed: a time span could pass while a slow machine still starts the connector)
    sandbox(connector).faults().update(c -> c.withRateLimit(null, 500L));
    retryToTheEnd(connector, 8101, faults -> faults.throttleNext(6), "INJECTED_THROTTLE");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(CONNECTORS)
  @Requires(Capability.READ_BACK)
  void aBurstOfServerErrorsThenTenPercentAreRetriedAndEveryRecordLandsOnce(ConnectorDescriptor connector) {
    // three failed calls in a row right after the login, then 10% 503s (seeded); the burst is 502 for an
    // idempotent target (a 502 may come after the API applied the call: resent only when idempotent) and 503 for
    // an append (a 503 says the call was not processed, so even a create is sent again)
    int burstStatus = connector.has(Capability.UPSERT_READ_BACK) ? 502 : 503;
    long errors = retryToTheEnd(connector, 8102, faults -> faults.update(c -> c.withSeed(SEED)
        .withErrorRatios(0.10, 503, null, null)).failNext(SERVER_ERROR_BURST, burstStatus), "INJECTED_ERROR");
    assertThat(errors).as("the burst and more").isGreaterThanOrEqualTo(SERVER_ERROR_BURST);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(CONNECTORS)
  @Requires(Capability.UPSERT_READ_BACK)
  void connectionResetsAreRetriedAndEveryRecordLandsOnce(ConnectorDescriptor connector) {
    retryToTheEnd(connector, 8103, faults -> faults.update(c -> c.withSeed(SEED)
        .withErrorRatios(null, null, 0.10, null)).resetNext(1), "INJECTED_RESET");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(CONNECTORS)
  @Requires({Capability.OAUTH, Capability.READ_BACK})
  void anAccessTokenExpiringMidSyncIsRefreshedAndEveryRecordLandsOnce(ConnectorDescriptor connector) {
    WriteTarget target = connector.readBackTarget();
    List<ObjectNode> records = records(connector, target, RECORDS);
    PlatformSyncInput input = input(records, STATE_EVERY);
    EmulatorServer sandbox = sandbox(connector);
    // the token call, one API call, then the third call finds the access token expired
    sandbox.faults().expireTokensAfter(3);
    CommandResult result = harness(connector).write(connector.oauthConfig(sandbox).orElseThrow(),
        catalog(8104, target, records), input.lines());

    assertSucceeded(connector, result);
    EchoedStates.assertEchoed(input.states(), result.states());
    assertThat(EchoedStates.rejectedCount(result.states())).as("nothing rejected").isZero();
    // a call met the expired token: a 401, or (Slack answers 200 {"ok":false,"error":"token_expired"}) a second
    // call to the token endpoint, the refresh it led to
    boolean unauthorized = !sandbox.requests().matching(e -> e.status() == 401).isEmpty();
    int tokenCalls = sandbox.requests().matching(e -> e.path().contains("oauth") || e.path().contains("token")).size();
    assertThat(unauthorized || tokenCalls >= 2).as("a call met the expired token: " + sandbox.requests().entries())
        .isTrue();
    assertLandedExactly(connector, target.object(), records);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(CONNECTORS)
  @Requires({Capability.DAILY_QUOTA, Capability.UPSERT_READ_BACK})
  void anExhaustedRequestQuotaStopsCleanlyAndTheNextSyncLandsEverything(ConnectorDescriptor connector) {
    WriteTarget target = connector.upsertTarget();
    List<ObjectNode> records = records(connector, target, RECORDS);
    PlatformSyncInput input = input(records, STATE_EVERY);
    EmulatorServer sandbox = sandbox(connector);
    ObjectNode config = connector.validConfig(sandbox);
    CommandResult stopped = harness(connector).write(config, catalog(8105, target, records), input.lines(),
        armAfterAuthentication(connector, faults -> faults.update(c -> c.withDailyLimit(1L))));

    assertCleanStop(connector, input, stopped);
    assertThat(stopped.traceErrors().get(0).path("failure_type").asText()).as("a later sync can resume")
        .isEqualTo("transient_error");
    // the quota ran out: a call was refused, or the connector read "no requests left" from the quota headers
    // and stopped before making the call the vendor would refuse
    boolean refused = !sandbox.requests().matching(e -> e.status() == 429 || e.status() == 403).isEmpty();
    assertThat(refused || stopped.traceErrors().get(0).path("message").asText().contains("quota"))
        .as("the quota ran out: " + stopped.describe()).isTrue();

    assertNextSyncLandsEverything(connector, config, 8106, target, records, input);
  }
}
