package io.activationsuite.destination.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.destination.salesforce.auth.TokenClient;
import io.activationsuite.destination.salesforce.auth.TokenManager;
import io.activationsuite.destination.salesforce.bulk.BulkJobClient;
import io.activationsuite.destination.salesforce.bulk.PollSchedule;
import io.activationsuite.destination.salesforce.http.ApiUsageMonitor;
import io.activationsuite.destination.salesforce.http.SalesforceHttp;
import io.activationsuite.destination.salesforce.http.Sleeper;
import io.activationsuite.sink.api.ActivationApi;
import io.activationsuite.sink.api.ApiSession;
import io.activationsuite.sink.api.SessionServices;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * The Salesforce connector for the activation engine: its spec, and sessions that authenticate with
 * OAuth (refresh token or client credentials) and write through Bulk API 2.0 or sObject Collections.
 */
@Singleton
public class SalesforceApi implements ActivationApi {
  private static final int MAX_ATTEMPTS = 6;
  private final Sleeper sleeper;

  /** The production connector. */
  public SalesforceApi() {
    this(Sleeper.SYSTEM);
  }

  /** A connector whose waits (retries, job polls) go through {@code sleeper}: for tests. */
  public SalesforceApi(Sleeper sleeper) {
    this.sleeper = sleeper;
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
  public ObjectNode specProperties() {
    return SalesforceSpec.properties();
  }

  @Override
  public List<String> requiredProperties() {
    return List.of("credentials");
  }

  @Override
  public ApiSession open(JsonNode config, SessionServices services) {
    SalesforceConfig settings = SalesforceConfig.from(config);
    OkHttpClient client = new OkHttpClient.Builder()
        .connectTimeout(Duration.ofSeconds(30))
        .readTimeout(Duration.ofMinutes(5))
        .writeTimeout(Duration.ofMinutes(5))
        .connectionPool(new ConnectionPool(Math.max(5, services.concurrency() * 2), 5, TimeUnit.MINUTES))
        .retryOnConnectionFailure(true)
        .build();
    TokenManager tokens = new TokenManager(new TokenClient(client, settings.loginUrl()), settings.credentials(),
        rotated -> services.configUpdater().accept(RefreshTokenRotation.updatedConfig(config, rotated)));
    SalesforceHttp http = new SalesforceHttp(client, tokens, settings.apiVersion(), new ApiUsageMonitor(), sleeper,
        MAX_ATTEMPTS, Duration.ofSeconds(1));
    Duration pollMax = settings.bulkPollMax();
    Duration pollFirst = pollMax.compareTo(Duration.ofMillis(500)) < 0 ? pollMax : Duration.ofMillis(500);
    BulkJobClient jobs = new BulkJobClient(http, new PollSchedule(pollFirst, pollMax, Duration.ofHours(2)),
        services.clock(), sleeper);
    return new SalesforceSession(settings, http, jobs, () -> {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    });
  }
}
