package io.activationsuite.sandbox.hubspot;

import java.util.Locale;

/**
 * HubSpot's published API limits per subscription tier: requests per 10-second window per app and
 * requests per day per account ("API usage guidelines and limits").
 */
public enum RateLimitTier {
  /** Free and Starter: 100 per 10 s, 250,000 per day. */
  STARTER(100, 250_000),
  /** Professional: 190 per 10 s, 625,000 per day. */
  PROFESSIONAL(190, 625_000),
  /** Enterprise: 190 per 10 s, 1,000,000 per day. */
  ENTERPRISE(190, 1_000_000),
  /** Enterprise with one API limit increase pack: 250 per 10 s, 2,000,000 per day. */
  CAPACITY_PACK(250, 2_000_000);

  /** HubSpot's rolling window. */
  public static final long INTERVAL_MILLIS = 10_000;

  private final int perInterval;
  private final long perDay;

  RateLimitTier(int perInterval, long perDay) {
    this.perInterval = perInterval;
    this.perDay = perDay;
  }

  /** Requests allowed per 10-second window. */
  public int perInterval() {
    return perInterval;
  }

  /** Requests allowed per day. */
  public long perDay() {
    return perDay;
  }

  /**
   * Parses a tier name ({@code starter}, {@code professional}, ...) or a budget ({@code 100}, {@code 190},
   * {@code 250}).
   */
  public static RateLimitTier parse(String text) {
    String t = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    return switch (t) {
      case "100", "FREE" -> STARTER;
      case "190" -> PROFESSIONAL;
      case "250", "PACK" -> CAPACITY_PACK;
      default -> RateLimitTier.valueOf(t);
    };
  }
}
