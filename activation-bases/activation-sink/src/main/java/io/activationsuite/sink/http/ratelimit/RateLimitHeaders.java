package io.activationsuite.sink.http.ratelimit;

import io.activationsuite.sink.http.ApiResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * Ready-made {@link RateLimitSignalParser}s for the common header families ({@code X-RateLimit-*}, the IETF
 * {@code RateLimit-*}, a limit/remaining pair). Vendor-specific headers are read by the connectors, which may
 * use {@link #number} for the same tolerant reading. Malformed values are ignored rather than failing a request.
 */
public final class RateLimitHeaders {

  private RateLimitHeaders() {
  }

  /** How an {@code X-RateLimit-Reset}-style header expresses the reset. */
  public enum ResetStyle {
    /** Unix epoch seconds (Braze). */
    EPOCH_SECONDS,
    /** Seconds from now (IETF draft, Zendesk {@code ratelimit-reset}). */
    DELTA_SECONDS
  }

  /**
   * {@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining}, {@code X-RateLimit-Reset} (Braze uses
   * epoch seconds) for a server window of {@code window} (null if unknown).
   */
  public static RateLimitSignalParser xRateLimit(ResetStyle resetStyle, Duration window) {
    return prefixed("X-RateLimit-", resetStyle, window);
  }

  /** IETF draft / Zendesk Ticketing: {@code ratelimit-limit}, {@code -remaining}, {@code -reset} (seconds). */
  public static RateLimitSignalParser ietf(Duration window) {
    return prefixed("ratelimit-", ResetStyle.DELTA_SECONDS, window);
  }

  /**
   * A limit and a remaining count in two named headers for a window of {@code window} (e.g. the
   * {@code X-Rate-Limit} / {@code X-Rate-Limit-Remaining} family); combine with {@link RateLimitSignalParser#and}.
   */
  public static RateLimitSignalParser counters(String limitHeader, String remainingHeader, Duration window) {
    return (response, now) -> new RateLimitSignal(number(response, limitHeader), number(response, remainingHeader),
        window, null, -1, -1);
  }

  private static RateLimitSignalParser prefixed(String prefix, ResetStyle resetStyle, Duration window) {
    return (response, now) -> {
      long reset = number(response, prefix + "Reset");
      Instant resetsAt = null;
      if (reset >= 0) {
        resetsAt = resetStyle == ResetStyle.EPOCH_SECONDS ? Instant.ofEpochSecond(reset) : now.plusSeconds(reset);
      }
      return new RateLimitSignal(number(response, prefix + "Limit"), number(response, prefix + "Remaining"),
          window, resetsAt, -1, -1);
    };
  }

  /** A header's first number (before any {@code ,} or {@code ;}), or -1 when absent, negative or malformed. */
  public static long number(ApiResponse response, String header) {
    String value = response.header(header).orElse(null);
    if (value == null) {
      return -1;
    }
    int comma = value.indexOf(',');
    String first = (comma >= 0 ? value.substring(0, comma) : value).trim();
    int semicolon = first.indexOf(';');
    if (semicolon >= 0) {
      first = first.substring(0, semicolon).trim();
    }
    try {
      long parsed = Long.parseLong(first);
      return parsed < 0 ? -1 : parsed;
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
