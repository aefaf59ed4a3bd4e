package io.activationsuite.sink.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.activationsuite.protocol.errors.FailureType;
import io.activationsuite.protocol.errors.TransientErrorException;
import io.activationsuite.sink.http.auth.BearerTokenAuth;
import io.activationsuite.sink.http.ratelimit.QuotaExhaustedException;
import io.activationsuite.sink.http.ratelimit.RateLimitHeaders;
import io.activationsuite.sink.http.ratelimit.RateLimitSignal;
import io.activationsuite.sink.http.ratelimit.RateLimitSignalParser;
import io.activationsuite.sink.http.ratelimit.RateLimiter;
import io.activationsuite.sink.http.ratelimit.RateLimits;
import io.activationsuite.sink.http.retry.ResponseClassifier;
import io.activationsuite.sink.http.retry.ResponseRule;
import io.activationsuite.sink.http.retry.RetryPolicy;
import io.activationsuite.sink.http.retry.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiClientTest {

  private static final String TOKEN = "pat-SECRET-TOKEN-123456";
  private static final Instant T0 = Instant.parse("2025-03-10T12:00:00Z");

  private final MockWebServer server = new MockWebServer();
  private final OkHttpClient http = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
  private final FakeTime time = new FakeTime(T0);

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdown();
  }

  private ApiClient.Builder client(RetryPolicy policy) {
    return ApiClient.builder("Example", http).auth(new BearerTokenAuth(TOKEN)).retryPolicy(policy).time(time, time)
        .random(new Random(7));
  }

  /** An upsert: safe to resend, so marked idempotent (an unmarked POST is not resent once it may have arrived). */
  private Request post() {
    return Idempotency.IDEMPOTENT.mark(new Request.Builder()
        .url(server.url("/crm/v3/objects/contacts/batch/upsert?debug=1"))
        .post(RequestBody.create("{\"inputs\":[]}", MediaType.get("application/json"))).build());
  }

  @Test
  void retryAfterInSecondsIsHonouredBeforeTheRetry() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "7"));
    server.enqueue(new MockResponse().setBody("done"));

    ApiResponse response = client(RetryPolicy.defaults()).build().execute(post());

    assertThat(response.bodyString()).isEqualTo("done");
    assertThat(time.instant()).isEqualTo(T0.plusSeconds(7));
    assertThat(server.takeRequest().getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(server.takeRequest().getBody().readUtf8()).isEqualTo("{\"inputs\":[]}");
  }

  @Test
  void retryAfterAsHttpDateIsHonoured() throws Exception {
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(T0.plusSeconds(95),
        ZoneOffset.UTC));
    server.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", date));
    server.enqueue(new MockResponse().setBody("ok"));

    client(RetryPolicy.defaults()).build().execute(post());

    assertThat(time.instant()).isEqualTo(T0.plusSeconds(95));
  }

  @Test
  void burstOf5xxThenSuccessIsRetriedWithBackoff() throws Exception {
    for (int status : new int[] {502, 503, 504, 500}) {
      server.enqueue(new MockResponse().setResponseCode(status));
    }
    server.enqueue(new MockResponse().setBody("ok"));
    ApiClient client = client(RetryPolicy.defaults()).build();

    assertThat(client.execute(post()).status()).isEqualTo(200);

    ApiMetrics.Snapshot metrics = client.metrics().snapshot();
    assertThat(metrics.attempts()).isEqualTo(5);
    assertThat(metrics.retries()).isEqualTo(4);
    assertThat(metrics.serverErrors()).isEqualTo(4);
    assertThat(time.wakeUps()).isEqualTo(4);
    assertThat(Duration.between(T0, time.instant())).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(15));
  }

  @Test
  void plain500IsNotRetriedWhenConfiguredSo() {
    server.enqueue(new MockResponse().setResponseCode(500).setBody("boom"));

    assertThatThrownBy(() -> client(RetryPolicy.defaults().withRetryServerError(false)).build().execute(post()))
        .isInstanceOfSatisfying(ApiResponseException.class, e -> {
          assertThat(e.status()).isEqualTo(500);
          assertThat(e.failureType()).isEqualTo(FailureType.TRANSIENT_ERROR);
        });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void connectionDroppedAtStartIsRetried() throws Exception {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    server.enqueue(new MockResponse().setBody("ok"));
    ApiClient client = client(RetryPolicy.defaults()).build();

    assertThat(client.execute(post()).bodyString()).isEqualTo("ok");
    assertThat(client.metrics().snapshot().ioErrors()).isEqualTo(2);
  }

  @Test
  void exhaustedRetryBudgetIsATransientErrorNamingApiAttemptsAndStatus() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(new MockResponse().setResponseCode(503).setBody("{\"echo\":\"Bearer " + TOKEN + "\"}"));
    }
    RetryPolicy policy = RetryPolicy.defaults().withBounds(3, Duration.ofMinutes(5));

    assertThatThrownBy(() -> client(policy).build().execute(post()))
        .isInstanceOfSatisfying(RetriesExhaustedException.class, e -> {
          assertThat(e).isInstanceOf(TransientErrorException.class);
          assertThat(e.attempts()).isEqualTo(3);
          assertThat(e.lastStatus()).isEqualTo(503);
          assertThat(e.getMessage()).contains("Example API", "3 attempt(s)", "HTTP 503",
              "/crm/v3/objects/contacts/batch/upsert").doesNotContain(TOKEN).doesNotContain("debug=1");
        });
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void retryAfterBeyondTheTimeBudgetGivesUpAtOnce() {
    server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "3600"));

    assertThatThrownBy(() -> client(RetryPolicy.defaults()).build().execute(post()))
        .isInstanceOf(RetriesExhaustedException.class).hasMessageContaining("retry time budget");
    assertThat(time.wakeUps()).isZero();
  }

  @Test
  void tenMinute429StormEndsInSuccessWithinBudgetsWithoutSpinning() throws Exception {
    Instant stormEnds = T0.plus(Duration.ofMinutes(10));
    List<Instant> arrivals = new CopyOnWriteArrayList<>();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        Instant now = time.instant();
        arrivals.add(now);
        if (now.isBefore(stormEnds)) {
          MockResponse throttled = new MockResponse().setResponseCode(429).setBody("{\"policyName\":\"TEN_SECONDLY\"}");
          return arrivals.size() % 3 == 0 ? throttled : throttled.setHeader("Retry-After", "30");
        }
        return new MockResponse().setBody("ok");
      }
    });
    RetryPolicy policy = new RetryPolicy(40, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(15),
        true);
    RateLimiter limiter = RateLimiter.create("Example", RateLimits.builder().window(190, Duration.ofSeconds(10))
        .build(), time, time);
    ApiClient client = client(policy).rateLimiter(limiter).build();

    ApiResponse response = client.execute(post());

    assertThat(response.bodyString()).isEqualTo("ok");
    Duration took = Duration.between(T0, time.instant());
    assertThat(took).isGreaterThanOrEqualTo(Duration.ofMinutes(10)).isLessThan(Duration.ofMinutes(15));
    int attempts = arrivals.size();
    assertThat(attempts).isLessThanOrEqualTo(40).isGreaterThan(10);
    assertThat(client.metrics().snapshot().throttled()).isEqualTo(attempts - 1);
    assertThat(time.wakeUps()).isLessThanOrEqualTo(attempts);
    for (int i = 1; i < arrivals.size(); i++) {
      assertThat(Duration.between(arrivals.get(i - 1), arrivals.get(i))).isPositive();
    }
  }

  @Test
  void nonRetriableResponseCarriesStatusHeadersAndBodyButNoCredentials() {
    server.enqueue(new MockResponse().setResponseCode(400).setHeader("X-Trace", "abc")
        .setBody("{\"status\":\"error\",\"message\":\"Property email is invalid\"}"));

    assertThatThrownBy(() -> client(RetryPolicy.defaults()).build().execute(post()))
        .isInstanceOfSatisfying(ApiResponseException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.response().header("X-Trace")).contains("abc");
          assertThat(e.response().bodyString()).contains("Property email is invalid");
          assertThat(e.failureType()).isEqualTo(FailureType.SYSTEM_ERROR);
          assertThat(e.getMessage()).contains("HTTP 400").doesNotContain(TOKEN);
        });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void staticTokenRefused401IsAConfigError() {
    server.enqueue(new MockResponse().setResponseCode(401));

    assertThatThrownBy(() -> client(RetryPolicy.defaults()).build().execute(post()))
        .isInstanceOfSatisfying(ApiResponseException.class,
            e -> assertThat(e.failureType()).isEqualTo(FailureType.CONFIG_ERROR))
        .hasMessageNotContaining(TOKEN);
  }

  /** A connector rule of the kind vendors need: a 429 naming a DAILY policy is the daily quota. */
  private static ResponseRule dailyPolicy(ZoneId zone) {
    return response -> response.status() == 429 && response.bodyString().contains("DAILY")
        ? Optional.of(Verdict.quotaExhausted("daily request limit reached",
            LocalDate.ofInstant(T0, zone).plusDays(1).atStartOfDay(zone).toInstant()))
        : Optional.empty();
  }

  @Test
  void aDailyQuotaVerdictStopsWithTheResetInstantAndFailsFastAfterwards() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(429).setBody("{\"policyName\":\"DAILY\"}"));
    ZoneId zone = ZoneId.of("America/New_York");
    ApiClient client = client(RetryPolicy.defaults()).classifier(ResponseClassifier.standard(true)
        .with(dailyPolicy(zone))).build();

    assertThatThrownBy(() -> client.execute(post())).isInstanceOfSatisfying(QuotaExhaustedException.class,
        e -> assertThat(e.resetsAt()).contains(Instant.parse("2025-03-11T04:00:00Z")));
    assertThatThrownBy(() -> client.execute(post())).isInstanceOf(QuotaExhaustedException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aQuotaVerdictWithoutAResetSaysTheResetIsUnknown() {
    server.enqueue(new MockResponse().setResponseCode(403)
        .setBody("[{\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\",\"message\":\"TotalRequests Limit exceeded.\"}]"));
    ResponseRule totalRequests = response -> response.status() == 403
        ? Optional.of(Verdict.quotaExhausted("total request allocation used up", null)) : Optional.empty();
    ApiClient client = client(RetryPolicy.defaults()).classifier(ResponseClassifier.standard(true)
        .with(totalRequests)).build();

    assertThatThrownBy(() -> client.execute(post())).isInstanceOfSatisfying(QuotaExhaustedException.class, e -> {
      assertThat(e.resetsAt()).isEmpty();
      assertThat(e.getMessage()).contains("unknown");
    });
  }

  @Test
  void aDailyRemainingSignalAtTheAllocationStopsTheNextCall() throws Exception {
    server.enqueue(new MockResponse().setHeader("X-Daily-Remaining", "1").setBody("ok"));
    server.enqueue(new MockResponse().setHeader("X-Daily-Remaining", "0").setBody("ok"));
    RateLimitSignalParser daily = (response, now) -> new RateLimitSignal(-1, -1, null, null,
        RateLimitHeaders.number(response, "X-Daily-Remaining"), 100_000);
    ApiClient client = client(RetryPolicy.defaults()).signals(daily).build();

    client.execute(post());
    client.execute(post());

    assertThatThrownBy(() -> client.execute(post())).isInstanceOf(QuotaExhaustedException.class);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }
}
