package io.activationsuite.sandbox.hubspot;

import io.activationsuite.sandbox.FaultConfig;
import io.activationsuite.sandbox.FaultController;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * HubSpot's limits: a rolling 10-second window per app and a daily budget per account (reset at
 * midnight UTC here; HubSpot uses the account's time zone). Budgets come from the tier unless the fault
 * config overrides them. Produces the {@code X-HubSpot-RateLimit-*} headers; daily headers and the
 * daily budget apply to private-app calls only, as HubSpot documents for OAuth calls. Thread-safe.
 */
final class HubSpotRateLimiter {

  /** Outcome of admitting one request. */
  record Decision(boolean allowed, String policy, Map<String, String> headers) {
  }

  private final RateLimitTier tier;
  private final Clock clock;
  private final FaultController faults;
  private final Map<String, Deque<Instant>> windows = new HashMap<>();
  private LocalDate day;
  private long usedToday;

  HubSpotRateLimiter(RateLimitTier tier, Clock clock, FaultController faults) {
    this.tier = tier;
    this.clock = clock;
    this.faults = faults;
  }

  synchronized void reset() {
    windows.clear();
    day = null;
    usedToday = 0;
  }

  /** Counts the request against the app's window (and the daily budget) if allowed. */
  synchronized Decision admit(String appId, boolean oauth) {
    FaultConfig config = faults.config();
    int max = config.rateLimitBudget() != null ? config.rateLimitBudget() : tier.perInterval();
    long interval = config.rateLimitIntervalMillis() != null
        ? config.rateLimitIntervalMillis() : RateLimitTier.INTERVAL_MILLIS;
    long daily = config.dailyLimit() != null ? config.dailyLimit() : tier.perDay();
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    if (!today.equals(day)) {
      day = today;
      usedToday = 0;
    }
    Deque<Instant> window = windows.computeIfAbsent(appId, k -> new ArrayDeque<>());
    Instant cutoff = now.minusMillis(interval);
    while (!window.isEmpty() && !window.peekFirst().isAfter(cutoff)) {
      window.removeFirst();
    }
    String policy = null;
    if (!oauth && usedToday >= daily) {
      policy = "DAILY";
    } else if (window.size() >= max) {
      policy = HubSpotEmulator.TEN_SECONDLY_ROLLING;
    } else {
      window.addLast(now);
      if (!oauth) {
        usedToday++;
      }
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-HubSpot-RateLimit-Max", Integer.toString(max));
    headers.put("X-HubSpot-RateLimit-Remaining", Integer.toString(Math.max(0, max - window.size())));
    headers.put("X-HubSpot-RateLimit-Interval-Milliseconds", Long.toString(interval));
    if (!oauth) {
      headers.put("X-HubSpot-RateLimit-Daily", Long.toString(daily));
      headers.put("X-HubSpot-RateLimit-Daily-Remaining", Long.toString(Math.max(0, daily - usedToday)));
    }
    return new Decision(policy == null, policy, headers);
  }

  /** Headers of an injected throttle: the window reported as exhausted. */
  synchronized Map<String, String> exhaustedHeaders() {
    FaultConfig config = faults.config();
    int max = config.rateLimitBudget() != null ? config.rateLimitBudget() : tier.perInterval();
    long interval = config.rateLimitIntervalMillis() != null
        ? config.rateLimitIntervalMillis() : RateLimitTier.INTERVAL_MILLIS;
    return Map.of("X-HubSpot-RateLimit-Max", Integer.toString(max), "X-HubSpot-RateLimit-Remaining", "0",
        "X-HubSpot-RateLimit-Interval-Milliseconds", Long.toString(interval));
  }
}
