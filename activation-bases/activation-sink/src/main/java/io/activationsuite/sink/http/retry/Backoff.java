package io.activationsuite.sink.http.retry;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter (a uniformly random delay between zero and the exponential
 * ceiling), which spreads retries of many threads instead of synchronising them.
 */
public final class Backoff {

  private final RetryPolicy policy;
  private final RandomGenerator random;

  public Backoff(RetryPolicy policy, RandomGenerator random) {
    this.policy = policy;
    this.random = random;
  }

  /** The delay before retry number {@code retry} (1 = first retry). */
  public Duration delay(int retry) {
    long initial = policy.initialDelay().toNanos();
    long cap = policy.maxDelay().toNanos();
    if (cap <= 0) {
      return Duration.ZERO;
    }
    int shift = Math.min(Math.max(0, retry - 1), 40);
    long ceiling = initial > (cap >> shift) ? cap : Math.min(cap, initial << shift);
    long floor = Math.min(ceiling, Math.max(1, initial / 10));
    return Duration.ofNanos(floor + (ceiling > floor ? random.nextLong(ceiling - floor + 1) : 0));
  }
}
