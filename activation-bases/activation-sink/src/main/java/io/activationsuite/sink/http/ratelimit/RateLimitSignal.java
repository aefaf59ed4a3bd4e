package io.activationsuite.sink.http.ratelimit;

import java.time.Duration;
import java.time.Instant;

/**
 * What one response said about the server-side budget, in vendor-neutral terms. Every field is
 * optional (null / negative = not reported).
 *
 * @param limit requests allowed in the server's window, or -1
 * @param remaining requests left in the server's window, or -1
 * @param window the server's window length, or null
 * @param resetsAt when the server's window resets, or null
 * @param dailyRemaining requests left in the daily allocation, or -1
 * @param dailyLimit the daily allocation, or -1
 */
public record RateLimitSignal(long limit, long remaining, Duration window, Instant resetsAt,
    long dailyRemaining, long dailyLimit) {

  private static final RateLimitSignal NONE = new RateLimitSignal(-1, -1, null, null, -1, -1);

  /** A response without any rate-limit information. */
  public static RateLimitSignal none() {
    return NONE;
  }

  /** True when nothing was reported. */
  public boolean isEmpty() {
    return limit < 0 && remaining < 0 && window == null && resetsAt == null && dailyRemaining < 0 && dailyLimit < 0;
  }

  /** Combines two signals, preferring this one's reported fields. */
  public RateLimitSignal orElse(RateLimitSignal other) {
    return new RateLimitSignal(limit >= 0 ? limit : other.limit, remaining >= 0 ? remaining : other.remaining,
        window != null ? window : other.window, resetsAt != null ? resetsAt : other.resetsAt,
        dailyRemaining >= 0 ? dailyRemaining : other.dailyRemaining,
        dailyLimit >= 0 ? dailyLimit : other.dailyLimit);
  }
}
