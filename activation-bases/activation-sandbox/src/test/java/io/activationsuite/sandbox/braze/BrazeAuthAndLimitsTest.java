package io.activationsuite.sandbox.braze;

import static org.assertj.core.api.Assertions.assertThat;

import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.ManualClock;
import io.activationsuite.sandbox.TestHttp;
import io.activationsuite.sandbox.junit.SandboxTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

@SandboxTest(value = "braze", manualClock = true)
class BrazeAuthAndLimitsTest {

  private static final String KEY = BrazeSettings.DEFAULT_API_KEY;
  private static final String ONE_USER = "{\"attributes\":[{\"external_id\":\"u\",\"a\":1}]}";

  private final EmulatorServer braze;
  private final ManualClock clock;

  BrazeAuthAndLimitsTest(EmulatorServer braze, ManualClock clock) {
    this.braze = braze;
    this.clock = clock;
  }

  @Test
  void unknownKeyIs401AndAKeyWithoutThePermissionIs403() {
    braze.emulator(BrazeEmulator.class).addApiKey("limited", Set.of("users.track"));

    assertThat(TestHttp.post(braze.url("/users/track"), "wrong", ONE_USER).statusCode()).isEqualTo(401);
    assertThat(TestHttp.post(braze.url("/users/track"), null, ONE_USER).statusCode()).isEqualTo(401);
    HttpResponse<String> denied = TestHttp.post(braze.url("/users/delete"), "limited", "{\"external_ids\":[]}");
    assertThat(denied.statusCode()).isEqualTo(403);
    assertThat(TestHttp.json(denied).path("message").asText()).isEqualTo("Access Denied");
    assertThat(TestHttp.post(braze.url("/users/track"), "limited", ONE_USER).statusCode()).isEqualTo(201);
  }

  @Test
  void everyAnswerCarriesRateLimitHeadersWithTheResetInEpochSeconds() {
    HttpResponse<String> r = TestHttp.post(braze.url("/users/track"), KEY, ONE_USER);

    assertThat(r.headers().firstValue("X-RateLimit-Limit")).contains("3000");
    assertThat(r.headers().firstValue("X-RateLimit-Remaining")).contains("2999");
    long reset = Long.parseLong(r.headers().firstValue("X-RateLimit-Reset").orElseThrow());
    assertThat(reset).isBetween(clock.instant().getEpochSecond(), clock.instant().getEpochSecond() + 3);
    HttpResponse<String> export = TestHttp.get(braze.url("/custom_attributes"), KEY);
    assertThat(export.headers().firstValue("X-RateLimit-Limit")).contains("1000");
  }

  @Test
  void overTheBudgetIs429UntilTheWindowResetsAndOtherClassesAreNotAffected() {
    braze.faults().rateLimitBudget(2);
    TestHttp.post(braze.url("/users/track"), KEY, ONE_USER);
    TestHttp.post(braze.url("/users/track"), KEY, ONE_USER);

    HttpResponse<String> limited = TestHttp.post(braze.url("/users/track"), KEY, ONE_USER);
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("X-RateLimit-Remaining")).contains("0");
    assertThat(TestHttp.post(braze.url("/users/delete"), KEY, "{\"external_ids\":[\"u\"]}").statusCode())
        .isEqualTo(201);
    clock.advance(Duration.ofSeconds(3));
    assertThat(TestHttp.post(braze.url("/users/track"), KEY, ONE_USER).statusCode()).isEqualTo(201);
  }

  @Test
  void injectedThrottleUsesTheSameShapeAndHeaders() {
    braze.faults().throttleNext(1);

    HttpResponse<String> r = TestHttp.post(braze.url("/users/track"), KEY, ONE_USER);

    assertThat(r.statusCode()).isEqualTo(429);
    assertThat(r.headers().firstValue("X-RateLimit-Reset")).isPresent();
    assertThat(braze.objects("users")).isEmpty();
  }

  @Test
  void controlEndpointAddsKeysAndReportsDataPoints() {
    TestHttp.post(braze.url("/__sandbox/api-keys"), null, "{\"key\":\"k2\",\"permissions\":[\"users.track\"]}");

    assertThat(TestHttp.post(braze.url("/users/track"), "k2", ONE_USER).statusCode()).isEqualTo(201);
    assertThat(TestHttp.json(TestHttp.get(braze.url("/__sandbox/data-points"), null)).path("data_points").asInt())
        .isEqualTo(1);
    TestHttp.post(braze.url("/__sandbox/reset"), null, "");
    assertThat(TestHttp.post(braze.url("/users/track"), "k2", ONE_USER).statusCode()).isEqualTo(401);
  }
}
