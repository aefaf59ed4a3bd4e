package io.activationsuite.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FaultControllerTest {

  private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));

  private static List<String> draws(FaultController faults, int n) {
    List<String> kinds = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      kinds.add(faults.decide().getClass().getSimpleName());
    }
    return kinds;
  }

  @Test
  void givenSameSeed_whenDrawingRatios_thenSameSequence() {
    FaultConfig config = FaultConfig.none().withErrorRatios(0.3, null, 0.1, 0.1);
    List<String> first = draws(new FaultController(clock, 7, config), 200);
    List<String> second = draws(new FaultController(clock, 7, config), 200);

    assertThat(first).isEqualTo(second);
    assertThat(first).contains("ServerError", "Reset", "Timeout", "Pass");
    long errors = first.stream().filter("ServerError"::equals).count();
    assertThat(errors).isBetween(30L, 90L);
  }

  @Test
  void givenReset_whenDrawingAgain_thenSequenceRestarts() {
    FaultController faults = new FaultController(clock, 7, FaultConfig.none().withErrorRatios(0.5, null, null, null));
    List<String> first = draws(faults, 50);
    faults.reset();

    assertThat(draws(faults, 50)).isEqualTo(first);
  }

  @Test
  void givenThrottleFor_whenClockPassesTheSpan_thenRequestsPassAgain() {
    FaultController faults = new FaultController(clock, 1, FaultConfig.none());
    faults.throttleFor(Duration.ofSeconds(5));

    assertThat(faults.decide()).isInstanceOf(FaultDecision.Throttle.class);
    clock.advance(Duration.ofSeconds(5));
    assertThat(faults.decide()).isInstanceOf(FaultDecision.Pass.class);
  }

  @Test
  void givenOneShotCounters_thenAppliedInOrderTimeoutResetErrorThrottle() {
    FaultController faults = new FaultController(clock, 1, FaultConfig.none());
    faults.throttleNext(1).failNext(1, 502).resetNext(1).timeoutNext(1);

    assertThat(faults.decide()).isInstanceOf(FaultDecision.Timeout.class);
    assertThat(faults.decide()).isInstanceOf(FaultDecision.Reset.class);
    assertThat(faults.decide()).isEqualTo(new FaultDecision.ServerError(502));
    assertThat(faults.decide()).isInstanceOf(FaultDecision.Throttle.class);
    assertThat(faults.decide()).isInstanceOf(FaultDecision.Pass.class);
  }

  @Test
  void givenExpireTokensAfterThree_thenOnlyTheThirdRequestExpiresTheTokens() {
    FaultController faults = new FaultController(clock, 1, FaultConfig.none());
    faults.expireTokensAfter(3);

    assertThat(faults.pending().expireTokensAfter()).isEqualTo(3);
    assertThat(List.of(faults.tokensExpireNow(), faults.tokensExpireNow(), faults.tokensExpireNow(),
        faults.tokensExpireNow())).containsExactly(false, false, true, false);
    faults.expireTokensAfter(1);
    faults.reset();
    assertThat(faults.tokensExpireNow()).as("reset disarms it").isFalse();
  }

  @Test
  void givenInvalidSettings_thenRefused() {
    assertThatThrownBy(() -> FaultConfig.none().withErrorRatios(0.6, null, 0.6, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new FaultController(clock, 1, FaultConfig.none()).failNext(1, 404))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void latencySpecsParseAndDrawWithinBounds() {
    assertThat(LatencySpec.parse("100")).isEqualTo(LatencySpec.fixed(100));
    assertThat(LatencySpec.parse("uniform:50-150")).isEqualTo(LatencySpec.uniform(50, 150));
    LatencySpec normal = LatencySpec.parse("normal:120,30,60-400");
    Random random = new Random(3);
    for (int i = 0; i < 500; i++) {
      assertThat(normal.draw(random)).isBetween(60L, 400L);
      assertThat(LatencySpec.uniform(50, 150).draw(random)).isBetween(50L, 150L);
    }
    assertThatThrownBy(() -> LatencySpec.parse("gamma:1")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aTargetedFaultHitsOnlyTheFirstMatchingRequestAndComesBeforeTheCounters() {
    FaultController faults = new FaultController(clock, 7, FaultConfig.none());
    faults.onNext("PATCH", "/jobs/ingest/", new FaultDecision.LoseAnswer()).failNext(1);

    assertThat(faults.decide("PUT", "/jobs/ingest/750x/batches")).isInstanceOf(FaultDecision.ServerError.class);
    assertThat(faults.decide("PATCH", "/jobs/ingest/750x")).isInstanceOf(FaultDecision.LoseAnswer.class);
    assertThat(faults.decide("PATCH", "/jobs/ingest/750x")).isInstanceOf(FaultDecision.Pass.class);
  }

  @Test
  void resetClearsTargetedFaults() {
    FaultController faults = new FaultController(clock, 7, FaultConfig.none());
    faults.onNext("GET", "/", new FaultDecision.Reset());
    faults.reset();

    assertThat(faults.decide("GET", "/anything")).isInstanceOf(FaultDecision.Pass.class);
  }
}
