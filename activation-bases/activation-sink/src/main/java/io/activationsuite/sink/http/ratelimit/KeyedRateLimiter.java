package io.activationsuite.sink.http.ratelimit;

import io.activationsuite.sink.http.time.Waiter;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Request budgets keyed by a value: one {@link RateLimiter} per key (a Slack channel, a Braze endpoint class
 * such as {@code users/track} or {@code users/delete}), created on first use from the connector's
 * {@code limitsFor} function, each pausing and learning on its own, so a throttled key never holds back
 * the others. The API-wide budget (Slack's workspace limit) stays in the {@link RateLimiter} shared by every
 * request; {@link io.activationsuite.sink.http.ApiClient} takes a permit from the key's limiter first, then
 * from the shared one.
 */
public final class KeyedRateLimiter {

  private final String apiName;
  private final Function<String, RateLimits> limitsFor;
  private final Clock clock;
  private final Waiter waiter;
  private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();

  private KeyedRateLimiter(String apiName, Function<String, RateLimits> limitsFor, Clock clock, Waiter waiter) {
    this.apiName = Objects.requireNonNull(apiName, "apiName");
    this.limitsFor = Objects.requireNonNull(limitsFor, "limitsFor");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.waiter = Objects.requireNonNull(waiter, "waiter");
  }

  /** Limiters for {@code apiName} whose limits per key come from {@code limitsFor}, on the system clock. */
  public static KeyedRateLimiter create(String apiName, Function<String, RateLimits> limitsFor) {
    Clock clock = Clock.systemUTC();
    return new KeyedRateLimiter(apiName, limitsFor, clock, Waiter.system(clock));
  }

  /** As {@link #create(String, Function)} on an injected clock and waiter (tests, simulations). */
  public static KeyedRateLimiter create(String apiName, Function<String, RateLimits> limitsFor, Clock clock,
      Waiter waiter) {
    return new KeyedRateLimiter(apiName, limitsFor, clock, waiter);
  }

  /** The limiter of {@code key}, created with {@code limitsFor(key)} the first time. */
  public RateLimiter forKey(String key) {
    Objects.requireNonNull(key, "key");
    return limiters.computeIfAbsent(key,
        k -> RateLimiter.create(apiName + " [" + k + "]", limitsFor.apply(k), clock, waiter));
  }

  /** How many keys have a limiter. */
  public int keys() {
    return limiters.size();
  }
}
