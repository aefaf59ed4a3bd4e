package io.activationsuite.sink.http.ratelimit;

import java.time.Duration;
import java.time.Instant;

/**
 * One granted request slot. Hand it back to {@link RateLimiter#complete} with the response's signal
 * so the limiter can tell its own in-flight requests from other consumers of the same budget.
 *
 * @param grantedAt when the request may be (and was) sent
 * @param sequence the limiter's grant counter at this grant
 * @param waited how long the caller waited for the slot
 */
public record Permit(Instant grantedAt, long sequence, Duration waited) {
}
