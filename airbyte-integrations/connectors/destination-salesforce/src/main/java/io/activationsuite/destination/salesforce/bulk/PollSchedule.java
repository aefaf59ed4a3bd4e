package io.activationsuite.destination.salesforce.bulk;

import java.time.Duration;

/**
 * How often a running job is polled: short first polls (small jobs finish in a second or two), then
 * doubling up to a cap so long jobs cost few API calls, and a deadline after which the sync stops.
 */
public record PollSchedule(Duration first, Duration max, Duration timeout) {

  /** Production defaults: 500 ms first, 10 s cap, 2 h deadline. */
  public static PollSchedule defaults() {
    return new PollSchedule(Duration.ofMillis(500), Duration.ofSeconds(10), Duration.ofHours(2));
  }

  /** The wait before poll number {@code attempt} (1-based). */
  public Duration delay(int attempt) {
    long millis = first.toMillis() << Math.min(Math.max(attempt - 1, 0), 20);
    return Duration.ofMillis(Math.min(millis, max.toMillis()));
  }
}
