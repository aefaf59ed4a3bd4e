package io.activationsuite.sink.http.ratelimit;

import io.activationsuite.sink.http.ApiResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ready-made {@link RateLimitSignalParser}s for the header conventions of the vendors we target.
 * Malformed values are ignored rather than failing a request.
 */
public final class RateLimitHeaders {

  private static final Pattern SFORCE_API_USAGE = Pattern.compile("api-usage=(\\d+)/(\\d+)");

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
   * HubSpot: {@code X-HubSpot-RateLimit-Max}, {@code -Remaining}, {@code -Interval-Milliseconds},
   * {@code -Daily}, {@code -Daily-Remaining}.
   */
  public static RateLimitSignalParser hubSpot() {
    return (response, now) -> {
      long intervalMillis = number(response, "X-HubSpot-RateLimit-Interval-Milliseconds");
      return new RateLimitSignal(number(response, "X-HubSpot-RateLimit-Max"),
          number(response, "X-HubSpot-RateLimit-Remaining"),
          intervalMillis > 0 ? Duration.ofMillis(intervalMillis) : null, null,
          number(response, "X-HubSpot-RateLimit-Daily-Remaining"), number(response, "X-HubSpot-RateLimit-Daily"));
    };
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

  /** Zendesk: {@code ratelimit-*} when sent, else {@code X-Rate-Limit} / {@code X-Rate-Limit-Remaining} per minute. */
  public static RateLimitSignalParser zendesk() {
    RateLimitSignalParser legacy = (response, now) -> new RateLimitSignal(number(response, "X-Rate-Limit"),
        number(response, "X-Rate-Limit-Remaining"), Duration.ofMinutes(1), null, -1, -1);
    return ietf(Duration.ofMinutes(1)).and(legacy);
  }

  /** Salesforce: {@code Sforce-Limit-Info: api-usage=n/N} describes the rolling 24 h allocation. */
  public static RateLimitSignalParser salesforce() {
    return (response, now) -> {
      String info = response.header("Sforce-Limit-Info").orElse("");
      Matcher matcher = SFORCE_API_USAGE.matcher(info);
      if (!matcher.find()) {
        return RateLimitSignal.none();
      }
      try {
        long used = Long.parseLong(matcher.group(1));
        long limit = Long.parseLong(matcher.group(2));
        return new RateLimitSignal(-1, -1, null, null, Math.max(0, limit - used), limit);
      } catch (NumberFormatException e) {
        return RateLimitSignal.none();
      }
    };
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

  private static long number(ApiResponse response, String header) {
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
