package io.activationsuite.destination.slack;

import io.activationsuite.sink.http.ratelimit.Permit;
import io.activationsuite.sink.http.ratelimit.RateLimitSignal;
import io.activationsuite.sink.http.ratelimit.RateLimiter;
import io.activationsuite.sink.http.ratelimit.RateLimits;
import io.activationsuite.sink.http.time.Waiter;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * chat.postMessage's limit is per channel: one shared limiter per channel id, so a busy channel waits for
 * its own slot and never holds back the others (the workspace-wide cap is the post client's limiter).
 * Keyed by channel until the shared HTTP layer offers keyed limits.
 */
final class ChannelPacer {

  private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();
  private final RateLimits limits;
  private final Clock clock;
  private final Waiter waiter;

  ChannelPacer(double messagesPerSecond, Clock clock, Waiter waiter) {
    long nanos = Math.max(1, Math.round(1_000_000_000L / messagesPerSecond));
    this.limits = RateLimits.builder().window(1, Duration.ofNanos(nanos)).safetyMargin(0.01).build();
    this.clock = clock;
    this.waiter = waiter;
  }

  /** Runs {@code send} in the channel's next slot. */
  <T> T paced(String channelId, Send<T> send) throws Exception {
    RateLimiter limiter = limiters.computeIfAbsent(channelId,
        id -> RateLimiter.create("Slack channel " + id, limits, clock, waiter));
    Permit permit = limiter.acquire();
    try {
      return send.call();
    } finally {
      limiter.complete(permit, RateLimitSignal.none());
    }
  }

  /** One paced call. */
  @FunctionalInterface
  interface Send<T> {
    T call() throws Exception;
  }
}
