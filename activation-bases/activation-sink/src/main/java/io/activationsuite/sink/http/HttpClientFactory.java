package io.activationsuite.sink.http;

import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the one OkHttp client a connector uses for a sync, so every connector gets the same
 * timeouts, pool sizing, protocols, user agent and secret-safe logging.
 */
public final class HttpClientFactory {

  private static final Logger EXCHANGE_LOG = LoggerFactory.getLogger("io.activationsuite.sink.http.exchange");

  private HttpClientFactory() {
  }

  /** A client for {@code settings}, logging (if enabled) to the standard exchange logger. */
  public static OkHttpClient create(HttpClientSettings settings) {
    return create(settings, EXCHANGE_LOG);
  }

  /**
   * A client for {@code settings} (with the read timeout of {@link HttpClientSettings#READ_TIMEOUT_ENV} when the
   * environment sets one), logging (if enabled) to {@code exchangeLog}.
   */
  public static OkHttpClient create(HttpClientSettings requested, Logger exchangeLog) {
    HttpClientSettings settings = requested.withEnvironment(System.getenv());
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(Math.max(64, settings.maxConcurrency()));
    dispatcher.setMaxRequestsPerHost(settings.maxConcurrency());
    OkHttpClient.Builder builder = new OkHttpClient.Builder()
        .connectTimeout(settings.connectTimeout())
        .readTimeout(settings.readTimeout())
        .writeTimeout(settings.writeTimeout())
        .callTimeout(settings.callTimeout())
        .connectionPool(new ConnectionPool(settings.maxConcurrency(), 5, TimeUnit.MINUTES))
        .dispatcher(dispatcher)
        .protocols(List.of(Protocol.HTTP_2, Protocol.HTTP_1_1))
        .retryOnConnectionFailure(true)
        .followRedirects(true)
        .followSslRedirects(false)
        .addInterceptor(new UserAgentInterceptor(settings.userAgent()));
    if (settings.logExchanges()) {
      builder.addNetworkInterceptor(new RedactingLoggingInterceptor(exchangeLog, settings.logBodies()));
    }
    return builder.build();
  }
}
