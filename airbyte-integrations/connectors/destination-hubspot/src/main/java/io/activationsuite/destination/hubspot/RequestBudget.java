package io.activationsuite.destination.hubspot;

import io.activationsuite.protocol.errors.TransientErrorException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;

/**
 * The request budget every stream of a sync shares: at most {@code max} requests per rolling interval
 * (HubSpot's per-10-seconds limit) and optionally a daily count. A request occupies its slot from the
 * moment it is sent until one interval after its response arrived, so the server, which counts on
 * arrival, never sees more than the limit. The limit adapts to HubSpot's {@code X-HubSpot-RateLimit-*}
 * headers.
 */
public final class RequestBudget {

  private final LongSupplier nowMillis;
  private final Long dailyLimit;
  private final Deque<Slot> window = new ArrayDeque<>();
  private int max;
  private long intervalMillis;
  private long pausedUntil;
  private LocalDate day;
  private long usedToday;

  /** A budget of {@code max} requests per interval and an optional daily limit (null: none). */
  public RequestBudget(int max, Duration interval, Long dailyLimit, LongSupplier nowMillis) {
    this.max = max;
    this.intervalMillis = interval.toMillis();
    this.dailyLimit = dailyLimit;
    this.nowMillis = nowMillis;
  }

  /** One request's place in the window: occupied until {@code completedAt + interval}. */
  public static final class Slot {
    private long completedAt = Long.MAX_VALUE;
  }

  /** Waits until a request may go and takes a slot; the caller must {@link #release} it. */
  public Slot acquire() throws InterruptedException {
    synchronized (this) {
      while (true) {
        long now = nowMillis.getAsLong();
        long wait = delay(now);
        if (wait <= 0) {
          countDaily(now);
          Slot slot = new Slot();
          window.addLast(slot);
          return slot;
        }
        wait(Math.max(1, wait));
      }
    }
  }

  /** Marks the request answered: its slot frees one interval from now. */
  public synchronized void release(Slot slot) {
    slot.completedAt = nowMillis.getAsLong();
    notifyAll();
  }

  /** How long a request would have to wait now (0: it may go), after evicting expired slots. */
  synchronized long delay(long now) {
    window.removeIf(s -> s.completedAt != Long.MAX_VALUE && s.completedAt + intervalMillis <= now);
    if (now < pausedUntil) {
      return pausedUntil - now;
    }
    if (window.size() < max) {
      return 0;
    }
    long earliest = Long.MAX_VALUE;
    for (Slot s : window) {
      if (s.completedAt != Long.MAX_VALUE) {
        earliest = Math.min(earliest, s.completedAt + intervalMillis);
      }
    }
    // every slot still in flight: wait for a release (notifyAll), re-checking periodically
    return earliest == Long.MAX_VALUE ? intervalMillis : Math.max(1, earliest - now);
  }

  private void countDaily(long now) {
    LocalDate today = Instant.ofEpochMilli(now).atZone(ZoneOffset.UTC).toLocalDate();
    if (!today.equals(day)) {
      day = today;
      usedToday = 0;
    }
    if (dailyLimit != null && usedToday >= dailyLimit) {
      throw new TransientErrorException("The connector's daily request budget of " + dailyLimit
          + " HubSpot requests is used up; it resets at " + today.plusDays(1) + "T00:00:00Z."
          + " The next sync resumes from the last checkpoint.");
    }
    usedToday++;
  }

  /**
   * Adapts to what HubSpot says: its limit and interval (when sent), and the requests it has counted in
   * the current window. When HubSpot counts more than this budget holds (other apps share the limit),
   * the difference is taken as slots that free one interval from now.
   */
  public synchronized void observe(Integer serverMax, Long serverIntervalMillis, Integer remaining) {
    if (serverMax != null && serverMax > 0) {
      max = serverMax;
    }
    if (serverIntervalMillis != null && serverIntervalMillis > 0) {
      intervalMillis = serverIntervalMillis;
    }
    if (remaining != null) {
      long now = nowMillis.getAsLong();
      int usedByServer = max - Math.max(0, remaining);
      while (window.size() < usedByServer) {
        Slot phantom = new Slot();
        phantom.completedAt = now;
        window.addLast(phantom);
      }
    }
  }

  /** Sends nothing for this long (a 429's Retry-After, or one interval). */
  public synchronized void pauseFor(long millis) {
    pausedUntil = Math.max(pausedUntil, nowMillis.getAsLong() + millis);
    notifyAll();
  }

  public synchronized int max() {
    return max;
  }

  public synchronized long intervalMillis() {
    return intervalMillis;
  }
}
