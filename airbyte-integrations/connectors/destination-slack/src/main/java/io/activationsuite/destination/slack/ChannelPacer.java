package io.activationsuite.destination.slack;

import io.activationsuite.sink.http.time.Waiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * chat.postMessage's limit is per channel and Slack counts a message when it arrives: each channel hands
 * out send slots one interval apart (2 % wider than the limit), so a busy channel waits for its own slot
 * and never holds back the others, and a 429 pushes back only its own channel. The workspace-wide cap is
 * the post client's shared limiter. Keyed by channel until the shared HTTP layer offers keyed limits.
 */
final class ChannelPacer {

  private static final double MARGIN = 1.02;

  private final Map<String, Instant[]> nextSlot = new ConcurrentHashMap<>();
  private final Duration interval;
  private final Clock clock;
  private final Waiter waiter;

  ChannelPacer(double messagesPerSecond, Clock clock, Waiter waiter) {
    this.interval = Duration.ofNanos(Math.round(1_000_000_000L * MARGIN / messagesPerSecond));
    this.clock = clock;
    this.waiter = waiter;
  }

  /** Waits for the channel's next send slot and takes it. */
  void awaitSlot(String channelId) throws InterruptedException {
    Instant[] next = nextSlot.computeIfAbsent(channelId, id -> new Instant[] {Instant.MIN});
    Instant slot;
    synchronized (next) {
      Instant now = clock.instant();
      slot = next[0].isAfter(now) ? next[0] : now;
      next[0] = slot.plus(interval);
    }
    waiter.sleepUntil(slot);
  }

  /** Slack asked this channel to wait ({@code Retry-After}): no slot before {@code until}. */
  void pauseUntil(String channelId, Instant until) {
    Instant[] next = nextSlot.computeIfAbsent(channelId, id -> new Instant[] {Instant.MIN});
    synchronized (next) {
      if (until.isAfter(next[0])) {
        next[0] = until;
      }
    }
  }
}
