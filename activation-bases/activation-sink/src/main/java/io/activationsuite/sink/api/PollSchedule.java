package io.activationsuite.sink.api;

import java.time.Duration;

/**
 * How often a running asynchronous job is polled: short first polls (small jobs finish in a second or
 * two), then doubling up to a cap so long jobs cost few API calls, and a deadline after which the sync
 * stops with a transient error (the next sync resumes from the last checkpoint).
 */
public record PollSchedule(Duration first, Duration max, Duration timeout) {

  public PollSchedule {
    if (first.isNegative() || first.isZero() || max.compareTo(first) < 0 || timeout.isNegative()) {
      throw new IllegalArgumentException("poll delays must be positive, max >= first, timeout >= 0");
    }
  }

  /** Production defaults: 500 ms first, 10 s cap, 2 h deadline. */
  public static PollSchedule defaults() {
    return new PollSchedule(Duration.ofMillis(500), Duration.ofSeconds(10), Duration.ofHours(2));
  }

  /** The same schedule with another cap between two polls. */
  public PollSchedule withMax(Duration value) {
    return new PollSchedule(first.compareTo(value) > 0 ? value : first, value, timeout);
  }

  /** The wait before poll number {@code attempt} (1-based). */
  public Duration delay(int attempt) {
    long millis = first.toMillis() << Math.min(Math.max(attempt - 1, 0), 20);
    return Duration.ofMillis(Math.min(millis, max.toMillis()));
  }
}
