package io.activationsuite.sink.http.ratelimit;

import java.time.Duration;
import java.util.Objects;

/**
 * A rolling-window budget: at most {@code permits} requests in any interval of {@code length}
 * (e.g. HubSpot's 190 per 10 s, Zendesk's 700 per minute, Braze's 3,000 per 3 s).
 *
 * @param permits requests allowed per window
 * @param length the window length
 */
public record RateWindow(int permits, Duration length) {

  public RateWindow {
    Objects.requireNonNull(length, "length");
    if (permits < 1) {
      throw new IllegalArgumentException("permits must be >= 1");
    }
    if (length.isNegative() || length.isZero()) {
      throw new IllegalArgumentException("length must be positive");
    }
  }

  /** {@code permits} per {@code length}. */
  public static RateWindow of(int permits, Duration length) {
    return new RateWindow(permits, length);
  }

  /** {@code permits} per minute. */
  public static RateWindow perMinute(int permits) {
    return new RateWindow(permits, Duration.ofMinutes(1));
  }
}
