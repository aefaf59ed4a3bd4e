package io.activationsuite.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock tests move by hand, so rate-limit windows, daily budgets and token expiry can be exercised
 * without waiting. Thread-safe.
 */
public final class ManualClock extends Clock {

  private volatile Instant now;

  /** A clock standing at {@code start}. */
  public ManualClock(Instant start) {
    this.now = start;
  }

  /** Moves the clock forward. */
  public synchronized void advance(Duration duration) {
    now = now.plus(duration);
  }

  /** Sets the clock to an instant. */
  public void set(Instant instant) {
    now = instant;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now;
  }
}
