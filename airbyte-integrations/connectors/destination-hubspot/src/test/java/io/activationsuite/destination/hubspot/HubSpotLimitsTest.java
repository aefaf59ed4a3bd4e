package io.activationsuite.destination.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import io.activationsuite.sink.http.ApiResponse;
import io.activationsuite.sink.http.ratelimit.RateLimitSignal;
import io.activationsuite.sink.http.retry.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

class HubSpotLimitsTest {
  private static final Instant T0 = Instant.parse("2025-03-10T12:00:00Z");

  private static ApiResponse answer(int status, Headers headers, String body) {
    return new ApiResponse("POST", "/crm/v3/objects/contacts/batch/upsert", status, headers,
        body.getBytes(StandardCharsets.UTF_8), null);
  }

  @Test
  void theRateLimitHeadersBecomeASignalAndMalformedValuesAreIgnored() {
    RateLimitSignal signal = HubSpotLimits.headers().parse(answer(200, Headers.of("X-HubSpot-RateLimit-Max", "190",
        "X-HubSpot-RateLimit-Remaining", "17", "X-HubSpot-RateLimit-Interval-Milliseconds", "10000",
        "X-HubSpot-RateLimit-Daily-Remaining", "999"), ""), T0);

    assertThat(signal).isEqualTo(new RateLimitSignal(190, 17, Duration.ofSeconds(10), null, 999, -1));
    assertThat(HubSpotLimits.headers().parse(answer(200, Headers.of("X-HubSpot-RateLimit-Remaining", "x"), ""), T0)
        .isEmpty()).isTrue();
  }

  @Test
  void a429NamingTheDailyPolicyIsTheQuotaResettingAtTheAccountsMidnightAndOther429sAreNot() {
    ZoneId zone = ZoneId.of("America/New_York");
    var rule = HubSpotLimits.dailyQuota(Clock.fixed(T0, ZoneOffset.UTC), zone);

    assertThat(rule.apply(answer(429, Headers.of(), "{\"policyName\":\"DAILY\"}")))
        .hasValueSatisfying(v -> assertThat(v).isInstanceOfSatisfying(Verdict.QuotaExhausted.class,
            q -> assertThat(q.resetsAt()).isEqualTo(Instant.parse("2025-03-11T04:00:00Z"))));
    assertThat(rule.apply(answer(429, Headers.of(), "{\"policyName\":\"TEN_SECONDLY_ROLLING\"}"))).isEmpty();
  }
}
