package io.activationsuite.sink.http.ratelimit;

import io.activationsuite.sink.http.time.Waiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The request budget of one API, shared by every stream and thread of a sync.
 *
 * <p>Each caller reserves the earliest instant at which every rolling window (stretched by the safety
 * margin) still has room, records that reservation, and then sleeps once until it: no polling, no
 * thundering herd, and the log of reservations guarantees that no window ever holds more grants
 * than allowed. A grant counts from the moment its request is sent, as servers count a request when it
 * arrives: {@link #sent} moves it to the moment the request was written (after auth and connecting), and
 * a slow answer does not hold the slot (the safety margin covers the network's jitter). The limiter also
 * learns from the server: a lower {@code limit}, a {@code remaining}
 * below what our own grants explain (another integration shares the budget), a window reset, a
 * {@code Retry-After} pause, and daily allocations running out. A daily quota that is used up makes
 * every acquisition fail fast with {@link QuotaExhaustedException} until its reset.
 */
public final class RateLimiter {

  private final String apiName;
  private final Clock clock;
  private final Waiter waiter;
  private final RateLimits limits;
  private final ReentrantLock lock = new ReentrantLock();
  private final List<WindowState> windows = new ArrayList<>();
  /** Log time of each granted, not yet completed request, by grant sequence. */
  private final Map<Long, Long> inFlight = new HashMap<>();

  // all guarded by lock
  private long lastReservation = Long.MIN_VALUE;
  private long pausedUntil = Long.MIN_VALUE;
  private long sequence;
  /** Reservations recorded but not yet granted or cancelled: they will reach the server after any answer now. */
  private long reserved;
  private long dailyUsed;
  private Instant dailyPeriodEnd;
  private long learnedDailyLeft = -1;
  private Exhaustion exhaustion;
  private long granted;
  private long waits;
  private long waitNanos;
  private long pauses;
  private long phantoms;
  private long rescheduled;

  private RateLimiter(String apiName, RateLimits limits, Clock clock, Waiter waiter) {
    this.apiName = Objects.requireNonNull(apiName, "apiName");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.waiter = Objects.requireNonNull(waiter, "waiter");
    for (RateWindow window : limits.windows()) {
      windows.add(new WindowState(window.length(), window.permits(), limits.effectiveLength(window).toNanos()));
    }
  }

  /** A limiter for {@code apiName} on the system clock. */
  public static RateLimiter create(String apiName, RateLimits limits) {
    Clock clock = Clock.systemUTC();
    return new RateLimiter(apiName, limits, clock, Waiter.system(clock));
  }

  /** A limiter for {@code apiName} on an injected clock and waiter (tests, simulations). */
  public static RateLimiter create(String apiName, RateLimits limits, Clock clock, Waiter waiter) {
    return new RateLimiter(apiName, limits, clock, waiter);
  }

  /** The API this limiter guards, for messages. */
  public String apiName() {
    return apiName;
  }

  /** The declared limits. */
  public RateLimits limits() {
    return limits;
  }

  /**
   * Blocks until a request may be sent.
   *
   * @throws QuotaExhaustedException when the daily quota is used up (now or while waiting)
   * @throws InterruptedException when the thread is interrupted; no slot is consumed then
   */
  public Permit acquire() throws InterruptedException {
    long start = nanos(clock.instant());
    while (true) {
      long at;
      long seq;
      lock.lock();
      try {
        long now = nanos(clock.instant());
        checkQuota(now);
        at = earliest(now);
        record(at);
        seq = sequence;
      } finally {
        lock.unlock();
      }
      if (at > nanos(clock.instant())) {
        try {
          waiter.sleepUntil(instant(at));
        } catch (InterruptedException e) {
          cancel(at);
          throw e;
        }
      }
      lock.lock();
      try {
        long now = nanos(clock.instant());
        if (now < pausedUntil || exhaustion != null || !stillValid(at, now)) {
          unrecord(at);
          rescheduled++;
          continue;
        }
        long waited = Math.max(0, now - start);
        granted++;
        if (waited > 0) {
          waits++;
          waitNanos += waited;
        }
        reserved--;
        inFlight.put(seq, at);
        return new Permit(instant(at), seq, Duration.ofNanos(waited));
      } finally {
        lock.unlock();
      }
    }
  }

  /** Pauses every caller until {@code until} (a {@code Retry-After}, a throttle or window reset). */
  public void pauseUntil(Instant until) {
    lock.lock();
    try {
      long target = nanos(until);
      if (target > pausedUntil) {
        pausedUntil = target;
        pauses++;
      }
    } finally {
      lock.unlock();
    }
  }

  /** Marks the quota as used up until {@code resetsAt} (null: unknown); acquisitions then fail fast. */
  public void markQuotaExhausted(String reason, Instant resetsAt) {
    lock.lock();
    try {
      exhaustion = new Exhaustion(reason, resetsAt);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Reports that the request of {@code permit} is being written to the connection now (after auth and
   * connecting, which may take a while): its grant counts from now, never earlier than it was granted. The
   * server counts it when it arrives, so the next slot is a window after this send, not after the answer.
   * Optional: a grant whose send is not reported counts from its grant.
   */
  public void sent(Permit permit) {
    lock.lock();
    try {
      Long logged = inFlight.get(permit.sequence());
      long now = nanos(clock.instant());
      if (logged != null && now > logged) {
        redate(logged, now);
        inFlight.put(permit.sequence(), now);
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Reports that the request sent under {@code permit} completed (with a response or an I/O error) and
   * what the server said about its budget ({@link RateLimitSignal#none()} if nothing). The grant keeps the
   * time it was sent at: how long the answer took does not matter to the window. Then the limiter learns
   * from the signal.
   */
  public void complete(Permit permit, RateLimitSignal signal) {
    lock.lock();
    try {
      long now = nanos(clock.instant());
      inFlight.remove(permit.sequence());
      if (!signal.isEmpty()) {
        observeWindow(signal, now);
        observeDaily(signal, permit.sequence(), now);
      }
    } finally {
      lock.unlock();
    }
  }

  /** A snapshot of the counters. */
  public RateLimiterStats stats() {
    lock.lock();
    try {
      return new RateLimiterStats(granted, waits, Duration.ofNanos(waitNanos), pauses, phantoms, rescheduled);
    } finally {
      lock.unlock();
    }
  }

  private void observeWindow(RateLimitSignal signal, long now) {
    WindowState window = matchingWindow(signal);
    if (window == null) {
      return;
    }
    if (signal.limit() > 0 && signal.limit() < window.permits) {
      window.permits = (int) signal.limit();
    }
    if (signal.remaining() < 0) {
      return;
    }
    long serverLimit = signal.limit() > 0 ? signal.limit() : window.permits;
    long serverUsed = serverLimit - signal.remaining();
    window.log.dropUpTo(now - window.effectiveNanos);
    // our grants already sent (not future reservations) may all have been counted by the server: only a
    // usage beyond them (and beyond phantoms already learned) is another consumer's
    long explained = window.log.size() - window.log.countAfter(now);
    long foreign = serverUsed - explained;
    // phantom grants expire when the server's window does: at its reset if known, else a window from now
    long phantomAt = signal.resetsAt() == null ? now : Math.min(now, nanos(signal.resetsAt()) - window.effectiveNanos);
    for (long i = 0; i < foreign && phantomAt > now - window.effectiveNanos; i++) {
      window.log.insert(phantomAt);
      phantoms++;
    }
    if (signal.remaining() == 0 && signal.resetsAt() != null) {
      long reset = nanos(signal.resetsAt());
      if (reset > pausedUntil) {
        pausedUntil = reset;
        pauses++;
      }
    }
  }

  private WindowState matchingWindow(RateLimitSignal signal) {
    if (signal.window() != null) {
      for (WindowState window : windows) {
        if (window.declaredLength.equals(signal.window())) {
          return window;
        }
      }
      if (signal.limit() > 0) {
        RateWindow learned = RateWindow.of((int) Math.min(Integer.MAX_VALUE, signal.limit()), signal.window());
        WindowState state = new WindowState(learned.length(), learned.permits(),
            limits.effectiveLength(learned).toNanos());
        windows.add(state);
        return state;
      }
      return null;
    }
    return windows.size() == 1 ? windows.get(0) : null;
  }

  private void observeDaily(RateLimitSignal signal, long permitSequence, long now) {
    if (signal.dailyRemaining() < 0) {
      return;
    }
    // requests the server may not have counted yet when it answered: those granted after this one and still in
    // flight, and reservations about to be sent; requests that already completed were counted (no over-count when
    // requests run in parallel)
    long sentSince = reserved;
    for (long other : inFlight.keySet()) {
      if (other > permitSequence) {
        sentSince++;
      }
    }
    long left = signal.dailyRemaining() - sentSince;
    if (left <= 0) {
      learnedDailyLeft = 0;
      exhaustion = new Exhaustion("the server reports no daily requests left", nextDailyReset(now));
    } else {
      learnedDailyLeft = left;
    }
  }

  /**
   * Whether a reservation at {@code at} still fits now that earlier grants may have been re-dated to their send.
   * Reservations are spaced by the window stretched by the safety margin; a send later than its grant by less
   * than the margin leaves the reservations after it in place (the margin is there to absorb such jitter), one
   * that would crowd the declared window moves them.
   */
  private boolean stillValid(long at, long now) {
    for (WindowState window : windows) {
      window.log.dropUpTo(now - window.effectiveNanos);
      int size = window.log.size();
      // the reservation itself is in the log: count the others up to and including it
      int upTo = size - window.log.countAfter(at);
      if (upTo > window.permits && window.log.get(upTo - 1 - window.permits) + window.declaredNanos > at) {
        return false;
      }
    }
    return true;
  }

  private void checkQuota(long now) {
    if (exhaustion != null) {
      if (exhaustion.resetsAt != null && now >= nanos(exhaustion.resetsAt)) {
        exhaustion = null;
        learnedDailyLeft = -1;
      } else {
        throw new QuotaExhaustedException(apiName, exhaustion.reason, exhaustion.resetsAt);
      }
    }
    DailyQuota daily = limits.dailyQuota();
    if (daily == null) {
      if (learnedDailyLeft == 0) {
        exhaustion = new Exhaustion("the server reports no daily requests left", null);
        throw new QuotaExhaustedException(apiName, exhaustion.reason, null);
      }
      return;
    }
    if (dailyPeriodEnd != null && now >= nanos(dailyPeriodEnd)) {
      dailyUsed = 0;
      learnedDailyLeft = -1;
      dailyPeriodEnd = null;
    }
    if (dailyPeriodEnd == null) {
      dailyPeriodEnd = daily.nextReset(instant(now)).orElse(null);
    }
    if (dailyUsed >= daily.requests() || learnedDailyLeft == 0) {
      String reason = learnedDailyLeft == 0 ? "the server reports no daily requests left"
          : "the configured budget of " + daily.requests() + " requests per day is used up";
      exhaustion = new Exhaustion(reason, dailyPeriodEnd);
      throw new QuotaExhaustedException(apiName, reason, dailyPeriodEnd);
    }
  }

  private Instant nextDailyReset(long now) {
    DailyQuota daily = limits.dailyQuota();
    return daily == null ? null : daily.nextReset(instant(now)).orElse(null);
  }

  private void redate(long from, long to) {
    for (WindowState window : windows) {
      if (window.log.remove(from)) {
        window.log.insert(to);
      }
    }
  }

  private long earliest(long now) {
    long at = Math.max(now, Math.max(pausedUntil, lastReservation));
    for (WindowState window : windows) {
      window.log.dropUpTo(now - window.effectiveNanos);
      int size = window.log.size();
      if (size >= window.permits) {
        at = Math.max(at, window.log.get(size - window.permits) + window.effectiveNanos);
      }
    }
    return at;
  }

  private void record(long at) {
    reserved++;
    for (WindowState window : windows) {
      window.log.insert(at);
    }
    lastReservation = Math.max(lastReservation, at);
    sequence++;
    dailyUsed++;
    if (learnedDailyLeft > 0) {
      learnedDailyLeft--;
    }
  }

  private void unrecord(long at) {
    reserved--;
    for (WindowState window : windows) {
      window.log.remove(at);
    }
    dailyUsed--;
    if (learnedDailyLeft >= 0) {
      learnedDailyLeft++;
    }
  }

  private void cancel(long at) {
    lock.lock();
    try {
      unrecord(at);
    } finally {
      lock.unlock();
    }
  }

  private static long nanos(Instant instant) {
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
  }

  private static Instant instant(long nanos) {
    return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
  }

  private static final class WindowState {
    final Duration declaredLength;
    final long declaredNanos;
    final long effectiveNanos;
    final GrantLog log = new GrantLog();
    int permits;

    WindowState(Duration declaredLength, int permits, long effectiveNanos) {
      this.declaredLength = declaredLength;
      this.declaredNanos = declaredLength.toNanos();
      this.permits = permits;
      this.effectiveNanos = effectiveNanos;
    }
  }

  private record Exhaustion(String reason, Instant resetsAt) {
  }
}
