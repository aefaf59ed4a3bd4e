package io.activationsuite.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import io.activationsuite.acceptance.capabilities.ConnectorCases;
import io.activationsuite.acceptance.capabilities.Requires;
import io.activationsuite.acceptance.connectors.Capability;
import io.activationsuite.acceptance.connectors.ConnectorDescriptor;
import io.activationsuite.acceptance.kill.KillCase;
import io.activationsuite.acceptance.kill.KillPoint;
import io.activationsuite.acceptance.kill.KillProfile;
import io.activationsuite.acceptance.kill.KillTrials;
import io.activationsuite.acceptance.kill.TrialResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The kill matrix's CI share: per connector and kill case of its {@link KillProfile} (an idempotent upsert; an
 * append - creates, events, messages - where the connector has one), one trial with a fixed kill point - input held half-way, SIGKILL right after the first echoed
 * STATE - then a rerun from the last echoed STATE. Nothing may be lost; an idempotent operation may not
 * duplicate; a non-idempotent one only the records in flight. The random 20-point matrix is
 * {@code bin/bench kill} (docs/reliability.md).
 */
class KillRerunAcceptanceTest extends AcceptanceTestBase {

  private static final int RECORDS = 200;
  private static final int STATE_EVERY = 10;

  private final Map<String, KillTrials> trials = new ConcurrentHashMap<>();

  @TempDir
  Path work;

  static Stream<Arguments> killCases() {
    return ConnectorCases.each(connector -> KillProfile.of(connector).cases().stream().map(KillCase::name).toList(),
        "no target read back from the sandbox");
  }

  @AfterAll
  void closeTrials() {
    trials.values().forEach(KillTrials::close);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("killCases")
  @Requires(anyOf = {Capability.UPSERT_READ_BACK, Capability.APPEND_READ_BACK})
  void killedAfterAnEchoedStateThenRerunFromItLosesNothingAndDuplicatesOnlyWhatTheGuaranteeAllows(
      ConnectorDescriptor connector, String caseName) throws Exception {
    KillTrials connectorTrials = trials.computeIfAbsent(connector.tool(), tool -> new KillTrials(connector,
        harness(connector)::startWrite, RECORDS, STATE_EVERY, work.resolve(tool)));
    KillCase kase = connectorTrials.profile().cases().stream().filter(c -> c.name().equals(caseName)).findFirst()
        .orElseThrow();
    TrialResult result = connectorTrials.run(1, kase, List.of(new KillPoint.HeldAfterState(RECORDS / 2)),
        new KillPoint.Calibration(1, 1));

    assertThat(result.violations()).as("%s", result).isEmpty();
    assertThat(result.kills()).as("the kill landed while the sync was in progress").isEqualTo(1);
    assertThat(result.lost()).isZero();
    if (kase.guarantee() == KillCase.Guarantee.EFFECTIVELY_ONCE) {
      assertThat(result.duplicates()).isZero();
    } else {
      assertThat(result.duplicates()).isLessThanOrEqualTo(result.allowed());
    }
  }
}
