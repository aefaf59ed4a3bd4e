package io.activationsuite.destination.salesforce;

import io.activationsuite.destination.salesforce.auth.SalesforceOAuth;
import io.activationsuite.destination.salesforce.bulk.BulkJobClient;
import io.activationsuite.destination.salesforce.http.ApiUsageMonitor;
import io.activationsuite.destination.salesforce.http.SalesforceRest;
import io.activationsuite.destination.salesforce.http.SalesforceRules;
import io.activationsuite.sink.api.ActivationApi;
import io.activationsuite.sink.api.ApiSession;
import io.activationsuite.sink.api.SessionServices;
import io.activationsuite.sink.http.ApiClient;
import io.activationsuite.sink.http.HttpClientFactory;
import io.activationsuite.sink.http.HttpClientSettings;
import io.activationsuite.sink.http.ratelimit.RateLimiter;
import io.activationsuite.sink.http.ratelimit.RateLimits;
import io.activationsuite.sink.http.retry.RetryPolicy;
import io.activationsuite.sink.http.time.Waiter;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import okhttp3.OkHttpClient;

/**
 * The Salesforce connector for the activation engine: its config record, and sessions that authenticate with
 * OAuth (refresh token or client credentials) and write through Bulk API 2.0 or sObject Collections.
 */
@Singleton
public class SalesforceApi implements ActivationApi<SalesforceConfig> {
  private static final String USER_AGENT = "activationsuite-destination-salesforce";
  private final Function<Clock, Waiter> waiters;
  private final RandomGenerator jitter;

  /** The production connector. */
  @Inject
  public SalesforceApi() {
    this(Waiter::system, null);
  }

  /**
   * A connector whose waits (retries, throttles, job polls) go through the waiter made for the session's
   * clock, with backoff jitter drawn from {@code jitter} (null: a fresh random per call): for tests.
   */
  public SalesforceApi(Function<Clock, Waiter> waiters, RandomGenerator jitter) {
    this.waiters = waiters;
    this.jitter = jitter;
  }

  @Override
  public String name() {
    return "salesforce";
  }

  @Override
  public String documentationUrl() {
    return "https://github.com/activationsuite/activation-suite/blob/main/docs/integrations/destinations/salesforce.md";
  }

  @Override
  public Class<SalesforceConfig> configType() {
    return SalesforceConfig.class;
  }

  @Override
  public ApiSession open(SalesforceConfig settings, SessionServices services) {
    Clock clock = services.clock();
    Waiter waiter = waiters.apply(clock);
    OkHttpClient client = HttpClientFactory.create(HttpClientSettings
        .defaults(USER_AGENT, Math.max(5, services.concurrency() * 2))
        .withTimeouts(Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ofMinutes(15)));
    SalesforceOAuth oauth = SalesforceOAuth.create(settings.loginUrl(), settings.credentials(), client, clock,
        waiter, services::persistRefreshToken);
    ApiClient api = ApiClient.builder("Salesforce", client)
        .auth(oauth)
        .rateLimiter(RateLimiter.create("Salesforce", RateLimits.unlimited(), clock, waiter))
        .signals(new ApiUsageMonitor())
        .classifier(SalesforceRules.classifier())
        .retryPolicy(RetryPolicy.defaults())
        .time(clock, waiter)
        .random(jitter == null ? ThreadLocalRandom.current() : jitter)
        .build();
    SalesforceRest rest = new SalesforceRest(api, oauth, settings.apiVersion());
    BulkJobClient jobs = new BulkJobClient(rest);
    return new SalesforceSession(settings, rest, jobs, () -> {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    });
  }
}
