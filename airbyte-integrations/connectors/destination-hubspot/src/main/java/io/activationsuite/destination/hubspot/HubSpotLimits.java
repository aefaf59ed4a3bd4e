package io.activationsuite.destination.hubspot;

import io.activationsuite.sink.http.ratelimit.RateLimitHeaders;
import io.activationsuite.sink.http.ratelimit.RateLimitSignal;
import io.activationsuite.sink.http.ratelimit.RateLimitSignalParser;
import io.activationsuite.sink.http.retry.ResponseRule;
import io.activationsuite.sink.http.retry.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/**
 * What HubSpot says about its request budgets: the {@code X-HubSpot-RateLimit-*} headers, and a 429 naming
 * the DAILY policy, which is the daily quota running out (a clean stop), not a throttle.
 */
public final class HubSpotLimits {

  private HubSpotLimits() {}

  /**
   * {@code X-HubSpot-RateLimit-Max}, {@code -Remaining}, {@code -Interval-Milliseconds}, {@code -Daily},
   * {@code -Daily-Remaining}.
   */
  public static RateLimitSignalParser headers() {
    return (response, now) -> {
      long intervalMillis = RateLimitHeaders.number(response, "X-HubSpot-RateLimit-Interval-Milliseconds");
      return new RateLimitSignal(RateLimitHeaders.number(response, "X-HubSpot-RateLimit-Max"),
          RateLimitHeaders.number(response, "X-HubSpot-RateLimit-Remaining"),
          intervalMillis > 0 ? Duration.ofMillis(intervalMillis) : null, null,
          RateLimitHeaders.number(response, "X-HubSpot-RateLimit-Daily-Remaining"),
          RateLimitHeaders.number(response, "X-HubSpot-RateLimit-Daily"));
    };
  }

  /**
   * A 429 whose body names the DAILY policy is the daily quota (resetting at midnight in the account's time
   * zone {@code accountZone}, or unknown if null); other 429s stay throttles.
   */
  public static ResponseRule dailyQuota(Clock clock, ZoneId accountZone) {
    return response -> {
      if (response.status() != 429 || !response.bodyString().toUpperCase(Locale.ROOT).contains("DAILY")) {
        return Optional.empty();
      }
      return Optional.of(Verdict.quotaExhausted("HubSpot daily request limit reached", accountZone == null ? null
          : LocalDate.now(clock.withZone(accountZone)).plusDays(1).atStartOfDay(accountZone).toInstant()));
    };
  }
}
