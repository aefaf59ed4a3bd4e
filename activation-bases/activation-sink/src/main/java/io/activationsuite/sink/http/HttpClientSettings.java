package io.activationsuite.sink.http;

import java.time.Duration;
import java.util.Objects;

/**
 * Transport settings for the shared OkHttp client: timeouts, how many requests may be in flight,
 * the user agent and whether exchanges are logged (redacted, at debug level).
 *
 * @param connectTimeout TCP + TLS connect timeout
 * @param readTimeout maximum silence while reading a response
 * @param writeTimeout maximum silence while writing a request
 * @param callTimeout whole-call limit (connect, write, server time, read)
 * @param maxConcurrency requests expected in flight at once; sizes the pool and dispatcher
 * @param userAgent the {@code User-Agent} sent on every request
 * @param logExchanges log requests/responses at debug (secrets redacted)
 * @param logBodies also log bodies (redacted, truncated); off by default since bodies carry user data
 */
public record HttpClientSettings(Duration connectTimeout, Duration readTimeout, Duration writeTimeout,
    Duration callTimeout, int maxConcurrency, String userAgent, boolean logExchanges, boolean logBodies) {

  public HttpClientSettings {
    requirePositive(connectTimeout, "connectTimeout");
    requirePositive(readTimeout, "readTimeout");
    requirePositive(writeTimeout, "writeTimeout");
    requirePositive(callTimeout, "callTimeout");
    if (maxConcurrency < 1) {
      throw new IllegalArgumentException("maxConcurrency must be >= 1");
    }
    Objects.requireNonNull(userAgent, "userAgent");
  }

  /** Defaults fit for SaaS batch APIs: 10 s connect, 60 s read/write, 5 min per call. */
  public static HttpClientSettings defaults(String userAgent, int maxConcurrency) {
    return new HttpClientSettings(Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(60),
        Duration.ofMinutes(5), maxConcurrency, userAgent, true, false);
  }

  /** A copy with other timeouts. */
  public HttpClientSettings withTimeouts(Duration connect, Duration read, Duration write, Duration call) {
    return new HttpClientSettings(connect, read, write, call, maxConcurrency, userAgent, logExchanges, logBodies);
  }

  /** A copy with other logging switches. */
  public HttpClientSettings withLogging(boolean exchanges, boolean bodies) {
    return new HttpClientSettings(connectTimeout, readTimeout, writeTimeout, callTimeout, maxConcurrency,
        userAgent, exchanges, bodies);
  }

  private static void requirePositive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }
}
