package io.activationsuite.sandbox.salesforce;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * Daily API allocation accounting: every authenticated REST call (including Bulk job control) spends
 * one request of a rolling 24-hour allocation; Bulk chunks spend batches. Spent allocation makes calls fail
 * with {@code REQUEST_LIMIT_EXCEEDED}. Thread-safe.
 */
public final class ApiLimits {
  /** Salesforce's Bulk batch allocation per 24 hours (shared by Bulk v1 and v2). */
  public static final int DAILY_BULK_BATCHES = 15_000;

  private final Clock clock;
  private final LongSupplier maxRequests;
  private long usedRequests;
  private long usedBatches;
  private Instant windowStart;

  /** Accounting against the allocation {@code maxRequests} returns (read on every call, so it can change). */
  public ApiLimits(Clock clock, LongSupplier maxRequests) {
    this.clock = clock;
    this.maxRequests = maxRequests;
    this.windowStart = clock.instant();
  }

  /**
   * Spends one request; returns false (spending nothing) when the allocation is used up.
   */
  public synchronized boolean tryConsumeRequest() {
    roll();
    if (usedRequests >= maxRequests.getAsLong()) {
      return false;
    }
    usedRequests++;
    return true;
  }

  /** Records one Bulk internal batch (chunk). */
  public synchronized void consumeBulkBatch() {
    roll();
    usedBatches++;
  }

  /** The {@code Sforce-Limit-Info} header value, e.g. {@code api-usage=18/15000}. */
  public synchronized String limitInfoHeader() {
    roll();
    return "api-usage=" + usedRequests + "/" + maxRequests.getAsLong();
  }

  public long maxRequests() {
    return maxRequests.getAsLong();
  }

  public synchronized long remainingRequests() {
    roll();
    return Math.max(0, maxRequests.getAsLong() - usedRequests);
  }

  public synchronized long remainingBulkBatches() {
    roll();
    return Math.max(0, DAILY_BULK_BATCHES - usedBatches);
  }

  /** Sets the used count, e.g. to start a test just below the limit. */
  public synchronized void setUsedRequests(long used) {
    usedRequests = used;
  }

  /** Starts a fresh 24-hour window. */
  public synchronized void reset() {
    usedRequests = 0;
    usedBatches = 0;
    windowStart = clock.instant();
  }

  private void roll() {
    Instant now = clock.instant();
    if (now.isBefore(windowStart) || !now.isBefore(windowStart.plus(Duration.ofDays(1)))) {
      usedRequests = 0;
      usedBatches = 0;
      windowStart = now;
    }
  }
}
