package io.activationsuite.sandbox.zendesk;

import io.activationsuite.sandbox.FaultConfig;
import io.activationsuite.sandbox.FaultController;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Zendesk's account-wide limit: requests per minute from the plan (or the fault config's override), as a
 * rolling window. Produces {@code X-Rate-Limit}, {@code X-Rate-Limit-Remaining} and the Ticketing API's
 * {@code ratelimit-limit}, {@code ratelimit-remaining}, {@code ratelimit-reset}, and the seconds of
 * {@code Retry-After} when over. Thread-safe.
 */
final class ZendeskRateLimiter {

  /** Outcome of admitting one request. */
  record Decision(boolean allowed, long retryAfterSeconds, Map<String, String> headers) {
  }

  private static final long MINUTE_MILLIS = 60_000;

  private final ZendeskPlan plan;
  private final Clock clock;
  private final FaultController faults;
  private final Deque<Instant> window = new ArrayDeque<>();

  ZendeskRateLimiter(ZendeskPlan plan, Clock clock, FaultController faults) {
    this.plan = plan;
    this.clock = clock;
    this.faults = faults;
  }

  synchronized void reset() {
    window.clear();
  }

  /** Counts the request if the window has room. */
  synchronized Decision admit() {
    FaultConfig config = faults.config();
    int max = config.rateLimitBudget() != null ? config.rateLimitBudget() : plan.requestsPerMinute();
    long interval = config.rateLimitIntervalMillis() != null ? config.rateLimitIntervalMillis() : MINUTE_MILLIS;
    Instant now = clock.instant();
    while (!window.isEmpty() && !window.peekFirst().isAfter(now.minusMillis(interval))) {
      window.removeFirst();
    }
    boolean allowed = window.size() < max;
    if (allowed) {
      window.addLast(now);
    }
    long resetMillis = window.isEmpty() ? interval
        : Math.max(0, window.peekFirst().plusMillis(interval).toEpochMilli() - now.toEpochMilli());
    long resetSeconds = Math.max(1, (resetMillis + 999) / 1000);
    return new Decision(allowed, resetSeconds, headers(max, Math.max(0, max - window.size()), resetSeconds));
  }

  /** Headers of an injected throttle: the window reported as exhausted. */
  synchronized Map<String, String> exhaustedHeaders() {
    FaultConfig config = faults.config();
    int max = config.rateLimitBudget() != null ? config.rateLimitBudget() : plan.requestsPerMinute();
    return headers(max, 0, 1);
  }

  private static Map<String, String> headers(int max, int remaining, long resetSeconds) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-Rate-Limit", Integer.toString(max));
    headers.put("X-Rate-Limit-Remaining", Integer.toString(remaining));
    headers.put("ratelimit-limit", Integer.toString(max));
    headers.put("ratelimit-remaining", Integer.toString(remaining));
    headers.put("ratelimit-reset", Long.toString(resetSeconds));
    return headers;
  }
}
