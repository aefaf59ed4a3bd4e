package io.activationsuite.sandbox.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.ManualClock;
import io.activationsuite.sandbox.TestHttp;
import io.activationsuite.sandbox.junit.SandboxTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@SandboxTest(value = "hubspot", manualClock = true, properties = "hubspot.tier=starter")
class HubSpotRateLimitTest {

  private static final String TOKEN = HubSpotSettings.DEFAULT_PRIVATE_APP_TOKEN;

  private final EmulatorServer hubspot;
  private final ManualClock clock;

  HubSpotRateLimitTest(EmulatorServer hubspot, ManualClock clock) {
    this.hubspot = hubspot;
    this.clock = clock;
  }

  private HttpResponse<String> call() {
    return TestHttp.get(hubspot.url("/crm/v3/properties/deals"), TOKEN);
  }

  @Test
  void givenStarterTier_whenCalled_thenRateLimitHeadersReportTheTierBudgets() {
    HttpResponse<String> r = call();

    assertThat(r.headers().firstValue("X-HubSpot-RateLimit-Max")).contains("100");
    assertThat(r.headers().firstValue("X-HubSpot-RateLimit-Remaining")).contains("99");
    assertThat(r.headers().firstValue("X-HubSpot-RateLimit-Interval-Milliseconds")).contains("10000");
    assertThat(r.headers().firstValue("X-HubSpot-RateLimit-Daily")).contains("250000");
    assertThat(r.headers().firstValue("X-HubSpot-RateLimit-Daily-Remaining")).contains("249999");
  }

  @Test
  void givenBudgetOverride_whenExceeded_then429TenSecondlyRollingUntilTheWindowRolls() {
    hubspot.faults().rateLimitBudget(3);
    for (int i = 0; i < 3; i++) {
      assertThat(call().statusCode()).isEqualTo(200);
    }

    HttpResponse<String> limited = call();
    assertThat(limited.statusCode()).isEqualTo(429);
    JsonNode body = TestHttp.json(limited);
    assertThat(body.path("status").asText()).isEqualTo("error");
    assertThat(body.path("message").asText()).isEqualTo("You have reached your ten_secondly_rolling limit.");
    assertThat(body.path("errorType").asText()).isEqualTo("RATE_LIMIT");
    assertThat(body.path("policyName").asText()).isEqualTo("TEN_SECONDLY_ROLLING");
    assertThat(body.path("correlationId").asText()).isNotBlank();
    assertThat(limited.headers().firstValue("X-HubSpot-RateLimit-Remaining")).contains("0");

    clock.advance(Duration.ofMillis(9_999));
    assertThat(call().statusCode()).isEqualTo(429);
    clock.advance(Duration.ofMillis(1));
    assertThat(call().statusCode()).isEqualTo(200);
  }

  @Test
  void givenDailyBudgetExhausted_then429DailyUntilMidnightUtc() {
    hubspot.faults().update(c -> c.withDailyLimit(2L));
    assertThat(call().statusCode()).isEqualTo(200);
    assertThat(call().statusCode()).isEqualTo(200);

    HttpResponse<String> limited = call();
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(TestHttp.json(limited).path("policyName").asText()).isEqualTo("DAILY");
    assertThat(TestHttp.json(limited).path("message").asText()).isEqualTo("You have reached your daily limit.");

    clock.advance(Duration.ofHours(14));
    assertThat(call().statusCode()).isEqualTo(200);
  }

  @Test
  void givenInjectedThrottle_thenHubSpot429ShapeWithoutConsumingBudget() {
    hubspot.faults().throttleNext(1);

    HttpResponse<String> limited = call();

    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(TestHttp.json(limited).path("policyName").asText()).isEqualTo("TEN_SECONDLY_ROLLING");
    assertThat(call().headers().firstValue("X-HubSpot-RateLimit-Remaining")).contains("99");
  }
}
