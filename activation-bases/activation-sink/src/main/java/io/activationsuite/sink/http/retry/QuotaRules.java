package io.activationsuite.sink.http.retry;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/**
 * Vendor rules that recognise a long-period quota running out, which must stop the sync rather than
 * be retried: HubSpot's 429 with {@code policyName} DAILY, Salesforce's 403 REQUEST_LIMIT_EXCEEDED for
 * total requests (its concurrency variant is a short throttle instead).
 */
public final class QuotaRules {

  private QuotaRules() {
  }

  /**
   * HubSpot: a 429 whose body names the DAILY policy is the daily quota (resetting at midnight in the
   * account's time zone {@code accountZone}, or unknown if null); other 429s stay throttles.
   */
  public static ResponseRule hubSpotDaily(Clock clock, ZoneId accountZone) {
    return response -> {
      if (response.status() != 429 || !response.bodyString().toUpperCase(Locale.ROOT).contains("DAILY")) {
        return Optional.empty();
      }
      return Optional.of(Verdict.quotaExhausted("HubSpot daily request limit reached", accountZone == null ? null
          : LocalDate.now(clock.withZone(accountZone)).plusDays(1).atStartOfDay(accountZone).toInstant()));
    };
  }

  /**
   * Salesforce: 403 REQUEST_LIMIT_EXCEEDED. "TotalRequests" means the rolling 24 h allocation is used
   * up (reset unknown); "ConcurrentRequests" means too many long requests at once, a throttle.
   */
  public static ResponseRule salesforceRequestLimit() {
    return response -> {
      if (response.status() != 403) {
        return Optional.empty();
      }
      String body = response.bodyString();
      if (!body.contains("REQUEST_LIMIT_EXCEEDED")) {
        return Optional.empty();
      }
      if (body.contains("ConcurrentRequests") || body.contains("Concurrent API Requests")) {
        return Optional.of(Verdict.throttled("Salesforce concurrent request limit exceeded"));
      }
      return Optional.of(Verdict.quotaExhausted("Salesforce total API request allocation (rolling 24 h) used up",
          null));
    };
  }
}
