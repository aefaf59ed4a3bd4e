package io.activationsuite.sandbox.braze;

import io.activationsuite.sandbox.FaultConfig;
import io.activationsuite.sandbox.FaultController;
import java.time.Clock;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Braze's per-workspace request limits, one fixed window per endpoint class, with the
 * {@code X-RateLimit-Limit}, {@code -Remaining} and {@code -Reset} (epoch seconds) headers Braze sends on
 * every answer. The fault config's budget and interval override the {@code /users/track} class only (the
 * one benchmarks and throttle tests exercise). Thread-safe.
 */
final class BrazeRateLimiter {

  /** Endpoint classes that share one budget. */
  enum EndpointClass {
    /** {@code /users/track}: 3,000 requests per 3 seconds. */
    USERS_TRACK(3_000, 3_000),
    /** {@code /users/delete}, {@code /users/alias/new} (and identify, merge): 20,000 per minute, shared. */
    USERS_ADMIN(20_000, 60_000),
    /** {@code /v2/subscription/status/set}: 5,000 per minute. */
    SUBSCRIPTION(5_000, 60_000),
    /** {@code /custom_attributes}, {@code /events/list}, {@code /purchases/product_list}: 1,000 per hour, shared. */
    EXPORT(1_000, 3_600_000);

    final int budget;
    final long intervalMillis;

    EndpointClass(int budget, long intervalMillis) {
      this.budget = budget;
      this.intervalMillis = intervalMillis;
    }
  }

  /** Outcome of admitting one request. */
  record Decision(boolean allowed, Map<String, String> headers) {
  }

  private final Clock clock;
  private final FaultController faults;
  private final Map<EndpointClass, long[]> windows = new EnumMap<>(EndpointClass.class);

  BrazeRateLimiter(Clock clock, FaultController faults) {
    this.clock = clock;
    this.faults = faults;
  }

  synchronized void reset() {
    windows.clear();
  }

  /** Counts the request against its class's current window if there is room. */
  synchronized Decision admit(EndpointClass type) {
    int budget = budget(type);
    long interval = interval(type);
    long now = clock.millis();
    long start = now - Math.floorMod(now, interval);
    long[] window = windows.computeIfAbsent(type, t -> new long[] {start, 0});
    if (window[0] != start) {
      window[0] = start;
      window[1] = 0;
    }
    boolean allowed = window[1] < budget;
    if (allowed) {
      window[1]++;
    }
    return new Decision(allowed, headers(budget, budget - window[1], start + interval));
  }

  /** Headers of an injected throttle: the class's window reported as used up. */
  synchronized Map<String, String> exhaustedHeaders(EndpointClass type) {
    long interval = interval(type);
    long now = clock.millis();
    return headers(budget(type), 0, now - Math.floorMod(now, interval) + interval);
  }

  private int budget(EndpointClass type) {
    FaultConfig config = faults.config();
    return type == EndpointClass.USERS_TRACK && config.rateLimitBudget() != null ? config.rateLimitBudget()
        : type.budget;
  }

  private long interval(EndpointClass type) {
    FaultConfig config = faults.config();
    return type == EndpointClass.USERS_TRACK && config.rateLimitIntervalMillis() != null
        ? config.rateLimitIntervalMillis() : type.intervalMillis;
  }

  private static Map<String, String> headers(int limit, long remaining, long resetMillis) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-RateLimit-Limit", Integer.toString(limit));
    headers.put("X-RateLimit-Remaining", Long.toString(Math.max(0, remaining)));
    headers.put("X-RateLimit-Reset", Long.toString((resetMillis + 999) / 1000));
    return headers;
  }
}
