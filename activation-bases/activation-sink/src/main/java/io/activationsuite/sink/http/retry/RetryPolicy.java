package io.activationsuite.sink.http.retry;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard to retry one request: exponential backoff with full jitter between {@code initialDelay}
 * and {@code maxDelay}, bounded both by {@code maxAttempts} and by {@code maxElapsed} (a total time
 * budget that also covers waits imposed by {@code Retry-After}).
 *
 * @param maxAttempts attempts in total, first one included
 * @param initialDelay backoff ceiling of the first retry
 * @param maxDelay cap of any single backoff
 * @param maxElapsed total time allowed from the first attempt to the start of the last one
 * @param retryServerError whether plain HTTP 500 is retried (502/503/504 always are)
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay, Duration maxElapsed,
    boolean retryServerError) {

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1");
    }
    Objects.requireNonNull(initialDelay, "initialDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    Objects.requireNonNull(maxElapsed, "maxElapsed");
    if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0 || maxElapsed.isNegative()) {
      throw new IllegalArgumentException("need 0 <= initialDelay <= maxDelay and maxElapsed >= 0");
    }
  }

  /** 8 attempts, 1 s doubling to 60 s, within 15 minutes; 500 retried. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(8, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(15), true);
  }

  /** A single attempt: nothing is retried. */
  public static RetryPolicy none() {
    return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO, false);
  }

  /** A copy with other attempt and time bounds. */
  public RetryPolicy withBounds(int attempts, Duration elapsed) {
    return new RetryPolicy(attempts, initialDelay, maxDelay, elapsed, retryServerError);
  }

  /** A copy with other backoff delays. */
  public RetryPolicy withDelays(Duration initial, Duration max) {
    return new RetryPolicy(maxAttempts, initial, max, maxElapsed, retryServerError);
  }

  /** A copy that does or does not retry plain 500. */
  public RetryPolicy withRetryServerError(boolean retry) {
    return new RetryPolicy(maxAttempts, initialDelay, maxDelay, maxElapsed, retry);
  }
}
