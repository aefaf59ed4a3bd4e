package io.activationsuite.sink.http.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The request budgets of one API as a connector declares them (vendor defaults, then overridden by
 * the user's configuration): any number of rolling windows, an optional daily quota, and a safety
 * margin by which windows are counted longer than declared so clock skew and network jitter do not
 * push the server over its limit.
 *
 * @param windows rolling windows that all apply at once
 * @param dailyQuota the daily quota, or null when none is enforced client-side
 * @param safetyMargin fraction added to each window length (0.03 = count a 10 s window as 10.3 s)
 */
public record RateLimits(List<RateWindow> windows, DailyQuota dailyQuota, double safetyMargin) {

  /** The default safety margin: 3 %. */
  public static final double DEFAULT_SAFETY_MARGIN = 0.03;

  public RateLimits {
    windows = List.copyOf(windows);
    if (safetyMargin < 0 || safetyMargin > 1) {
      throw new IllegalArgumentException("safetyMargin must be within [0, 1]");
    }
  }

  /** No client-side limit: only server signals (Retry-After, Remaining) throttle. */
  public static RateLimits unlimited() {
    return new RateLimits(List.of(), null, DEFAULT_SAFETY_MARGIN);
  }

  /** A builder starting empty. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder pre-filled with these limits, for config overrides of vendor defaults. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.windows.addAll(windows);
    builder.dailyQuota = dailyQuota;
    builder.safetyMargin = safetyMargin;
    return builder;
  }

  /** The daily quota, if any. */
  public Optional<DailyQuota> daily() {
    return Optional.ofNullable(dailyQuota);
  }

  /** Window length as the limiter counts it (declared length stretched by the safety margin). */
  public Duration effectiveLength(RateWindow window) {
    return Duration.ofNanos(Math.round(window.length().toNanos() * (1.0 + safetyMargin)));
  }

  /** Assembles {@link RateLimits}; a window with the same length as an existing one replaces it. */
  public static final class Builder {
    private final List<RateWindow> windows = new ArrayList<>();
    private DailyQuota dailyQuota;
    private double safetyMargin = DEFAULT_SAFETY_MARGIN;

    private Builder() {
    }

    /** Adds or replaces (same length) a rolling window. */
    public Builder window(int permits, Duration length) {
      return window(RateWindow.of(permits, length));
    }

    /** Adds or replaces (same length) a rolling window. */
    public Builder window(RateWindow window) {
      Objects.requireNonNull(window, "window");
      windows.removeIf(w -> w.length().equals(window.length()));
      windows.add(window);
      windows.sort(Comparator.comparing(RateWindow::length));
      return this;
    }

    /** Sets (or with null, removes) the daily quota. */
    public Builder daily(DailyQuota quota) {
      this.dailyQuota = quota;
      return this;
    }

    /** Sets the safety margin fraction. */
    public Builder safetyMargin(double margin) {
      this.safetyMargin = margin;
      return this;
    }

    /** The limits. */
    public RateLimits build() {
      return new RateLimits(windows, dailyQuota, safetyMargin);
    }
  }
}
