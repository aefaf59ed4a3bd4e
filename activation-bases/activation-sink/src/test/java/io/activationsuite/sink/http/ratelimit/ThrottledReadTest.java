package io.activationsuite.sink.http.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.activationsuite.protocol.errors.FailureType;
import io.activationsuite.sink.http.FakeTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThrottledReadTest {

  private static final Instant T0 = Instant.parse("2025-03-10T12:00:00Z");

  private final FakeTime time = new FakeTime(T0);
  private final ThrottledRead reads = ThrottledRead.within("Example", Duration.ofSeconds(60), time, time);
  private final List<Instant> attempts = new ArrayList<>();

  @Test
  void aThrottledReadWaitsUntilTheVendorsResetAndRetries() throws Exception {
    String value = reads.read("list attributes", answers(throttledUntil(T0.plusSeconds(42)), done("page")));

    assertThat(value).isEqualTo("page");
    assertThat(attempts).containsExactly(T0, T0.plusSeconds(42));
    assertThat(time.wakeUps()).isEqualTo(1);
  }

  @Test
  void aResetBeyondTheBoundFailsAtOnceWithATransientErrorSayingWhenToRetry() {
    Instant reset = T0.plus(Duration.ofMinutes(61));

    assertThatThrownBy(() -> reads.read("list attributes", answers(throttledUntil(reset), done("never"))))
        .isInstanceOfSatisfying(ThrottledUntilException.class, e -> {
          assertThat(e.reset()).isEqualTo(reset);
          assertThat(e.failureType()).isEqualTo(FailureType.TRANSIENT_ERROR);
          assertThat(e.getMessage()).contains("list attributes").contains("60 s")
              .contains("Retry the sync after 2025-03-10T13:01:00Z");
        });
    assertThat(attempts).containsExactly(T0);
    assertThat(time.wakeUps()).isZero();
  }

  @Test
  void theBoundCountsFromTheFirstAttemptNotFromEachWait() {
    assertThatThrownBy(() -> reads.read("list attributes", answers(throttledUntil(T0.plusSeconds(40)),
        throttledUntil(T0.plusSeconds(80)), done("never"))))
        .isInstanceOfSatisfying(ThrottledUntilException.class,
            e -> assertThat(e.reset()).isEqualTo(T0.plusSeconds(80)));
    assertThat(attempts).containsExactly(T0, T0.plusSeconds(40));
  }

  @Test
  void aResetAlreadyPastWaitsASecondSoTheVendorIsNotAskedInABusyLoop() throws Exception {
    String value = reads.read("list attributes", answers(throttledUntil(T0.minusSeconds(5)), done("page")));

    assertThat(value).isEqualTo("page");
    assertThat(attempts).containsExactly(T0, T0.plusSeconds(1));
  }

  @Test
  void aRetryAfterInSecondsIsAResetOnTheReadsClock() {
    time.advance(Duration.ofSeconds(7));

    assertThat(reads.<String>throttledFor(30)).isEqualTo(new ThrottledRead.Attempt.Throttled<String>(
        T0.plusSeconds(37)));
  }

  private ThrottledRead.Attempt<String> throttledUntil(Instant reset) {
    return new ThrottledRead.Attempt.Throttled<>(reset);
  }

  private ThrottledRead.Attempt<String> done(String value) {
    return new ThrottledRead.Attempt.Done<>(value);
  }

  @SafeVarargs
  private ThrottledRead.Call<String> answers(ThrottledRead.Attempt<String>... answers) {
    Deque<ThrottledRead.Attempt<String>> queue = new ArrayDeque<>(List.of(answers));
    return () -> {
      attempts.add(time.instant());
      return queue.removeFirst();
    };
  }
}
