package io.activationsuite.destination.braze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.activationsuite.protocol.errors.TransientErrorException;
import io.activationsuite.protocol.model.StreamDescriptor;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.ManualClock;
import io.activationsuite.sandbox.junit.SandboxTest;
import io.activationsuite.sink.api.DestinationObject;
import io.activationsuite.sink.api.FieldMapping;
import io.activationsuite.sink.api.Operation;
import io.activationsuite.sink.api.StreamPlan;
import io.activationsuite.sink.http.ratelimit.ThrottledUntilException;
import io.activationsuite.sink.http.time.Waiter;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Discovery's custom-attribute list under Braze's hourly limit, on a clock the test controls: the connector's
 * clock stands just before the emulator's next hourly reset, so no test waits for real.
 */
@SandboxTest("braze")
class BrazeDiscoveryThrottleTest {

  private final EmulatorServer braze;

  BrazeDiscoveryThrottleTest(EmulatorServer braze) {
    this.braze = braze;
  }

  @Test
  void a429DuringDiscoveryWaitsUntilTheResetAndRetries() throws Exception {
    Instant reset = nextHourlyReset();
    ManualClock clock = new ManualClock(reset.minusSeconds(30));
    braze.faults().throttleNext(1);
    AtomicReference<Instant> throttled = new AtomicReference<>();

    try (BrazeHttp http = http(clock)) {
      new BrazeCatalog(http).describe(true, throttled::set);
    }

    assertThat(throttled).hasNullValue();
    assertThat(braze.requests().count("GET", "/custom_attributes")).isEqualTo(2);
    assertThat(clock.instant()).isAfterOrEqualTo(reset).isBefore(reset.plus(BrazeCatalog.MAX_DISCOVERY_WAIT));
  }

  @Test
  void aResetBeyondTheWaitBoundStopsAMappingOfCustomAttributesWithATransientErrorSayingWhenToRetry()
      throws Exception {
    Instant reset = nextHourlyReset();
    ManualClock clock = new ManualClock(reset.minusSeconds(120));
    Instant start = clock.instant();
    braze.faults().throttleNext(1);

    try (BrazeSession session = new BrazeSession(http(clock))) {
      DestinationObject users = session.objects(Set.of(BrazeCatalog.USERS)).get(0);
      StreamPlan plan = new StreamPlan(new StreamDescriptor("rows", null), users, Operation.UPSERT, "external_id",
          List.of(new FieldMapping("health_segment", new FieldMapping.Source.Path("health_segment"),
              FieldMapping.NullPolicy.SKIP)));

      assertThatThrownBy(() -> session.writer(plan)).isInstanceOf(TransientErrorException.class)
          .hasMessageContaining("health_segment").hasMessageContaining("Retry the sync after "
              + ThrottledUntilException.format(reset));
    }
    assertThat(braze.requests().count("GET", "/custom_attributes")).isEqualTo(1);
    assertThat(clock.instant()).as("gave up at once, without waiting").isEqualTo(start);
  }

  private BrazeHttp http(ManualClock clock) {
    Waiter virtual = deadline -> {
      if (deadline.isAfter(clock.instant())) {
        clock.set(deadline);
      }
    };
    return new BrazeHttp(BrazeConfig.from(BrazeFixtures.config(braze)), clock, virtual, 1);
  }

  /** The emulator's next reset of the hourly discovery window, on the real clock it runs on. */
  private static Instant nextHourlyReset() {
    return Instant.ofEpochSecond((Instant.now().getEpochSecond() / 3600 + 1) * 3600);
  }
}
