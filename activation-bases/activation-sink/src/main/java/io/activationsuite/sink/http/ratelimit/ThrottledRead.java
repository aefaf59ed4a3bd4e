package io.activationsuite.sink.http.ratelimit;

import io.activationsuite.sink.http.time.Waiter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A read (discovery, a lookup) that the vendor rate limits with a reset instant: each throttled attempt
 * waits until the vendor's reset and tries again, as long as the reset falls within a bound from the first
 * attempt; a reset beyond it ends the read with {@link ThrottledUntilException}, which says when to retry.
 * Waits go through a {@link Waiter} on a {@link Clock}, so tests drive it with virtual time.
 */
public final class ThrottledRead {

  /** The least wait between two attempts, so a reset already past never turns into a busy loop. */
  private static final Duration MIN_WAIT = Duration.ofSeconds(1);

  /** One attempt of the read: its value, or the instant the vendor says its limit resets. */
  public sealed interface Attempt<T> {
    /** The read succeeded (whatever the value says). */
    record Done<T>(T value) implements Attempt<T> {
    }

    /** The vendor refused for rate limit until {@code reset}. */
    record Throttled<T>(Instant reset) implements Attempt<T> {
    }
  }

  /** A read that can be attempted again. */
  @FunctionalInterface
  public interface Call<T> {
    /** One attempt. */
    Attempt<T> attempt() throws IOException;
  }

  private final String apiName;
  private final Duration bound;
  private final Clock clock;
  private final Waiter waiter;

  private ThrottledRead(String apiName, Duration bound, Clock clock, Waiter waiter) {
    if (bound.isNegative()) {
      throw new IllegalArgumentException("bound must not be negative: " + bound);
    }
    this.apiName = apiName;
    this.bound = bound;
    this.clock = clock;
    this.waiter = waiter;
  }

  /** Reads of {@code apiName} that wait up to {@code bound} for a reset, on {@code clock} through {@code waiter}. */
  public static ThrottledRead within(String apiName, Duration bound, Clock clock, Waiter waiter) {
    return new ThrottledRead(apiName, bound, clock, waiter);
  }

  /** A throttled attempt of a call: the reset is {@code retryAfterSeconds} from now on this read's clock. */
  public <T> Attempt<T> throttledFor(long retryAfterSeconds) {
    return new Attempt.Throttled<>(clock.instant().plusSeconds(Math.max(0, retryAfterSeconds)));
  }

  /**
   * Attempts {@code call} until it is done, waiting for each reset within the bound.
   *
   * @param what what the read does, for the error ("list custom attributes")
   * @throws ThrottledUntilException when a reset falls beyond the bound from the first attempt
   */
  public <T> T read(String what, Call<T> call) throws IOException {
    Instant giveUp = clock.instant().plus(bound);
    while (true) {
      Attempt<T> attempt = call.attempt();
      if (attempt instanceof Attempt.Done<T> done) {
        return done.value();
      }
      Instant reset = ((Attempt.Throttled<T>) attempt).reset();
      if (reset.isAfter(giveUp)) {
        throw new ThrottledUntilException(apiName, what, reset, bound);
      }
      Instant earliest = clock.instant().plus(MIN_WAIT);
      try {
        waiter.sleepUntil(reset.isAfter(earliest) ? reset : earliest);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while waiting for the " + apiName + " rate limit to reset");
      }
    }
  }
}
