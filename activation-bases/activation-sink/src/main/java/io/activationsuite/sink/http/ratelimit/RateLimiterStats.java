package io.activationsuite.sink.http.ratelimit;

import java.time.Duration;

/**
 * A snapshot of a {@link RateLimiter}'s counters, for logs and benchmarks.
 *
 * @param granted permits handed out
 * @param waits acquisitions that had to wait
 * @param totalWait summed waiting time (clock time)
 * @param pauses times the limiter was paused (Retry-After, throttling, reset signals)
 * @param phantomGrants grants attributed to other consumers of the budget, learned from Remaining
 * @param rescheduled reservations re-planned because a pause arrived while they waited
 */
public record RateLimiterStats(long granted, long waits, Duration totalWait, long pauses, long phantomGrants,
    long rescheduled) {
}
