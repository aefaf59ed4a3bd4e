package io.activationsuite.destination.hubspot;

import io.activationsuite.sink.http.ApiClient;
import io.activationsuite.sink.http.HttpClientFactory;
import io.activationsuite.sink.http.HttpClientSettings;
import io.activationsuite.sink.http.auth.BearerTokenAuth;
import io.activationsuite.sink.http.auth.OAuth2Auth;
import io.activationsuite.sink.http.auth.OAuth2Settings;
import io.activationsuite.sink.http.auth.OAuth2TokenListener;
import io.activationsuite.sink.http.auth.OAuth2TokenProvider;
import io.activationsuite.sink.http.ratelimit.DailyQuota;
import io.activationsuite.sink.http.ratelimit.RateLimiter;
import io.activationsuite.sink.http.ratelimit.RateLimits;
import io.activationsuite.sink.http.retry.ResponseClassifier;
import io.activationsuite.sink.http.retry.RetryPolicy;
import io.activationsuite.sink.http.retry.Verdict;
import io.activationsuite.sink.http.time.Waiter;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Builds the one shared {@link ApiClient} of a HubSpot session: bearer or OAuth refresh-token auth, a
 * rate limiter paced to the account's tier (per 10 seconds) and optional daily budget that learns from
 * {@code X-HubSpot-RateLimit-*} headers, retries of 5xx/423/477, and a 429 naming the DAILY policy as
 * quota exhaustion (a clean stop).
 */
public final class HubSpotApiClients {

  /** HubSpot's rate-limit window. */
  public static final Duration WINDOW = Duration.ofSeconds(10);

  /**
   * Extra window length kept as margin. Small, because the shared limiter already frees a slot only a
   * full window after the response arrived, later than HubSpot counted the request.
   */
  public static final double SAFETY_MARGIN = 0.01;

  private HubSpotApiClients() {}

  /**
   * The HTTP client of a session.
   *
   * @param onRefreshTokenRotated persists a rotated OAuth refresh token
   */
  public static HubSpotHttp create(HubSpotConfig config, Clock clock, int concurrency,
      Consumer<String> onRefreshTokenRotated) {
    OkHttpClient http = HttpClientFactory.create(
        HttpClientSettings.defaults("activation-suite-destination-hubspot", Math.max(1, concurrency)));
    HttpUrl baseUrl = HttpUrl.get(config.baseUrl().toString());
    RateLimits.Builder limits = RateLimits.builder().window(config.tier().requestsPerTenSeconds(), WINDOW)
        .safetyMargin(SAFETY_MARGIN);
    if (config.dailyRequestBudget() != null) {
      limits.daily(DailyQuota.resettingAtMidnight(config.dailyRequestBudget(), ZoneOffset.UTC));
    }
    Waiter waiter = Waiter.system(clock);
    RateLimiter limiter = RateLimiter.create("HubSpot", limits.build(), clock, waiter);
    ApiClient.Builder client = ApiClient.builder("HubSpot", http)
        .rateLimiter(limiter)
        .signals(HubSpotLimits.headers())
        .classifier(classifier(clock))
        .retryPolicy(RetryPolicy.defaults())
        .time(clock, waiter);
    return switch (config.credentials()) {
      case HubSpotCredentials.PrivateApp p -> {
        client.auth(new BearerTokenAuth(p.accessToken()));
        yield new ApiClientHubSpotHttp(client.build(), baseUrl, () -> p.accessToken());
      }
      case HubSpotCredentials.OAuth o -> {
        HttpUrl tokenUrl = baseUrl.newBuilder().addPathSegments("oauth/v1/token").build();
        OAuth2TokenProvider tokens = OAuth2TokenProvider.builder(
                OAuth2Settings.refreshToken(tokenUrl, o.clientId(), o.clientSecret(), o.refreshToken()), http)
            .time(clock, waiter)
            .listener(new OAuth2TokenListener() {
              @Override
              public void onRefreshTokenRotated(String newRefreshToken) {
                onRefreshTokenRotated.accept(newRefreshToken);
              }
            })
            .build();
        client.auth(new OAuth2Auth(tokens));
        yield new ApiClientHubSpotHttp(client.build(), baseUrl, () -> tokens.token().accessToken());
      }
    };
  }

  /**
   * HubSpot's response rules: 2xx and every other 4xx are answers for the connector to read (207
   * per-record errors, 400/409 whole-batch refusals, 403 missing scopes); 401 renews the token; 429
   * throttles, or ends the sync when the DAILY policy is hit; 408, 423 (locked), 477 (migration) and
   * 5xx are retried.
   */
  public static ResponseClassifier classifier(Clock clock) {
    ResponseClassifier base = response -> switch (response.status()) {
      case 401 -> Verdict.refreshAuth();
      case 429 -> Verdict.throttled(throttleReason(response.bodyString()));
      case 408, 423, 477 -> Verdict.retryNotApplied("HubSpot asked to retry (HTTP " + response.status() + ")");
      default -> response.status() >= 500
          ? Verdict.retry("server error (HTTP " + response.status() + ")")
          : Verdict.accept();
    };
    return base.with(HubSpotLimits.dailyQuota(clock, null));
  }

  /**
   * Why a 429 that is not the daily limit throttles: HubSpot names its ten-second rolling window
   * {@code TEN_SECONDLY_ROLLING} today and {@code SECONDLY} in older answers; both are the 10 s window the
   * limiter paces to.
   */
  static String throttleReason(String body) {
    String upper = body == null ? "" : body.toUpperCase(java.util.Locale.ROOT);
    if (upper.contains("\"TEN_SECONDLY_ROLLING\"") || upper.contains("\"SECONDLY\"")) {
      return "HubSpot's " + WINDOW.toSeconds() + "-second rolling limit reached (HTTP 429)";
    }
    return "rate limited (HTTP 429)";
  }
}
