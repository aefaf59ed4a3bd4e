package io.activationsuite.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * Fault injection of one emulator: standing settings ({@link FaultConfig}) plus one-shot counters
 * ({@link PendingFaults}). Thread-safe; ratios and latencies come from a seeded {@link Random} so a
 * test that sends requests one after another sees the same faults on every run.
 *
 * <p>Typical test use: {@code faults.failNext(2)} (next two requests get 503),
 * {@code faults.throttleNext(1)}, {@code faults.update(c -> c.withLatency(LatencySpec.fixed(100)))}.
 */
public final class FaultController {

  private final Clock clock;
  private final long initialSeed;
  private final FaultConfig initialConfig;
  private Random random;
  private FaultConfig config;
  private int failNext;
  private int failStatus = 503;
  private int throttleNext;
  private Instant throttleUntil;
  private int resetNext;
  private int timeoutNext;
  private int expireTokensAfter;
  private final Deque<TargetedFault> targeted = new ArrayDeque<>();

  /** Creates a controller starting from {@code initial} with a random source seeded by {@code seed}. */
  public FaultController(Clock clock, long seed, FaultConfig initial) {
    this.clock = clock;
    this.initialSeed = seed;
    this.initialConfig = initial;
    this.random = new Random(seed);
    this.config = initial;
  }

  /** The current standing settings. */
  public synchronized FaultConfig config() {
    return config;
  }

  /** Replaces the standing settings (re-seeding when the new config carries a seed). */
  public synchronized FaultController set(FaultConfig newConfig) {
    if (newConfig.seed() != null) {
      random = new Random(newConfig.seed());
    }
    config = newConfig;
    return this;
  }

  /** Changes the standing settings, e.g. {@code update(c -> c.withRateLimit(190, null))}. */
  public synchronized FaultController update(UnaryOperator<FaultConfig> change) {
    return set(change.apply(config));
  }

  /** Adds a latency to every API response. */
  public FaultController latency(LatencySpec latency) {
    return update(c -> c.withLatency(latency));
  }

  /** Overrides the vendor's per-interval request budget. */
  public FaultController rateLimitBudget(int budget) {
    return update(c -> c.withRateLimit(budget, c.rateLimitIntervalMillis()));
  }

  /** The next {@code count} API requests are answered with 503. */
  public FaultController failNext(int count) {
    return failNext(count, 503);
  }

  /** The next {@code count} API requests are answered with the given 5xx status. */
  public synchronized FaultController failNext(int count, int status) {
    if (status < 500 || status > 599) {
      throw new IllegalArgumentException("failNext status must be 5xx, not " + status);
    }
    failNext = requireCount(count);
    failStatus = status;
    return this;
  }

  /** The next {@code count} API requests get the vendor's rate-limit response (e.g. HubSpot 429). */
  public synchronized FaultController throttleNext(int count) {
    throttleNext = requireCount(count);
    return this;
  }

  /** Every API request within the next {@code span} (emulator clock) gets the rate-limit response. */
  public synchronized FaultController throttleFor(Duration span) {
    throttleUntil = clock.instant().plus(span);
    return this;
  }

  /** The next {@code count} API requests have their connection dropped without an answer. */
  public synchronized FaultController resetNext(int count) {
    resetNext = requireCount(count);
    return this;
  }

  /** The next {@code count} API requests are held unanswered (see {@link FaultConfig#timeoutHoldMillis()}). */
  public synchronized FaultController timeoutNext(int count) {
    timeoutNext = requireCount(count);
    return this;
  }

  /**
   * The {@code requests}-th API request from now finds every access token issued so far expired (a token
   * running out mid-sync, as a vendor's does at the end of its lifetime): it gets the vendor's expired-token
   * answer, and a client must refresh its token and resend. 0 disarms it.
   */
  public synchronized FaultController expireTokensAfter(int requests) {
    expireTokensAfter = requireCount(requests);
    return this;
  }

  /**
   * Counts one API request against {@link #expireTokensAfter}; true exactly once, when the tokens must
   * expire before this request is served.
   */
  public synchronized boolean tokensExpireNow() {
    if (expireTokensAfter == 0) {
      return false;
    }
    expireTokensAfter--;
    return expireTokensAfter == 0;
  }

  /**
   * The next API request whose method is {@code method} and whose path contains {@code pathPart} gets
   * {@code decision} (once), whatever comes before it: a fault aimed at one step of a multi-call protocol (the
   * upload of a job, the call that closes it). Targeted faults are checked before the counters and ratios, in
   * the order they were added.
   */
  public synchronized FaultController onNext(String method, String pathPart, FaultDecision decision) {
    targeted.addLast(new TargetedFault(method, pathPart, decision));
    return this;
  }

  /** The one-shot faults still waiting. */
  public synchronized PendingFaults pending() {
    Instant now = clock.instant();
    String until = throttleUntil != null && throttleUntil.isAfter(now) ? throttleUntil.toString() : null;
    return new PendingFaults(failNext, failStatus, throttleNext, until, null, resetNext, timeoutNext,
        expireTokensAfter);
  }

  /** Replaces the one-shot faults (null fields clear the corresponding counter). */
  public synchronized FaultController setPending(PendingFaults pending) {
    failNext = nonNegative(pending.failNext());
    failStatus = pending.failStatus() == null ? 503 : pending.failStatus();
    if (failStatus < 500 || failStatus > 599) {
      throw new IllegalArgumentException("failStatus must be 5xx, not " + failStatus);
    }
    throttleNext = nonNegative(pending.throttleNext());
    resetNext = nonNegative(pending.resetNext());
    timeoutNext = nonNegative(pending.timeoutNext());
    expireTokensAfter = nonNegative(pending.expireTokensAfter());
    if (pending.throttleForMillis() != null) {
      throttleUntil = clock.instant().plusMillis(pending.throttleForMillis());
    } else if (pending.throttleUntil() != null) {
      throttleUntil = Instant.parse(pending.throttleUntil());
    } else {
      throttleUntil = null;
    }
    return this;
  }

  /** Back to the initial settings, no pending faults, random source re-seeded with the initial seed. */
  public synchronized void reset() {
    config = initialConfig;
    random = new Random(initialSeed);
    failNext = 0;
    failStatus = 503;
    throttleNext = 0;
    throttleUntil = null;
    resetNext = 0;
    timeoutNext = 0;
    expireTokensAfter = 0;
    targeted.clear();
  }

  /** Decides the fate of one API request, consuming a one-shot counter or drawing against the ratios. */
  public synchronized FaultDecision decide() {
    return decide("", "");
  }

  /**
   * Decides the fate of the API request {@code method} {@code path}: a matching targeted fault first, then a
   * one-shot counter, then a draw against the ratios.
   */
  public synchronized FaultDecision decide(String method, String path) {
    for (Iterator<TargetedFault> it = targeted.iterator(); it.hasNext(); ) {
      TargetedFault fault = it.next();
      if (fault.method().equalsIgnoreCase(method) && path.contains(fault.pathPart())) {
        it.remove();
        return fault.decision();
      }
    }
    if (timeoutNext > 0) {
      timeoutNext--;
      return new FaultDecision.Timeout(config.effectiveTimeoutHoldMillis());
    }
    if (resetNext > 0) {
      resetNext--;
      return new FaultDecision.Reset();
    }
    if (failNext > 0) {
      failNext--;
      return new FaultDecision.ServerError(failStatus);
    }
    if (throttleNext > 0) {
      throttleNext--;
      return new FaultDecision.Throttle();
    }
    if (throttleUntil != null && clock.instant().isBefore(throttleUntil)) {
      return new FaultDecision.Throttle();
    }
    double timeout = FaultConfig.orZero(config.timeoutRatio());
    double reset = FaultConfig.orZero(config.connectionResetRatio());
    double error = FaultConfig.orZero(config.serverErrorRatio());
    if (timeout + reset + error == 0) {
      return new FaultDecision.Pass();
    }
    double draw = random.nextDouble();
    if (draw < timeout) {
      return new FaultDecision.Timeout(config.effectiveTimeoutHoldMillis());
    }
    if (draw < timeout + reset) {
      return new FaultDecision.Reset();
    }
    if (draw < timeout + reset + error) {
      return new FaultDecision.ServerError(config.effectiveServerErrorStatus());
    }
    return new FaultDecision.Pass();
  }

  /** Draws the latency for one request (0 when none is configured). */
  public synchronized long drawLatencyMillis() {
    LatencySpec latency = config.latency();
    return latency == null ? 0 : latency.draw(random);
  }

  private static int requireCount(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative");
    }
    return count;
  }

  private static int nonNegative(Integer value) {
    return value == null ? 0 : requireCount(value);
  }

  private record TargetedFault(String method, String pathPart, FaultDecision decision) {
  }
}
