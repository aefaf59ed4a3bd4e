package io.activationsuite.sink.http.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Blocks the calling thread until an instant of a {@link Clock}. Every wait in the HTTP layer (rate
 * limiter, retry backoff, token refresh backoff) goes through this interface so tests can swap in a
 * virtual clock and count wake-ups instead of sleeping for real.
 */
@FunctionalInterface
public interface Waiter {

  /** Returns once {@code deadline} is reached (or at once if it already passed). Interruptible. */
  void sleepUntil(Instant deadline) throws InterruptedException;

  /** A waiter that parks the thread (virtual-thread friendly) against the given clock. */
  static Waiter system(Clock clock) {
    return deadline -> {
      while (true) {
        Duration left = Duration.between(clock.instant(), deadline);
        if (left.isNegative() || left.isZero()) {
          return;
        }
        Thread.sleep(left);
      }
    };
  }
}
