package io.activationsuite.sink.http;

import io.activationsuite.protocol.errors.ConfigErrorException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Transport settings for the shared OkHttp client: timeouts, how many requests may be in flight,
 * the user agent and whether exchanges are logged (redacted, at debug level). The read timeout can be set for
 * every connector through the environment variable {@value #READ_TIMEOUT_ENV} (whole seconds; documented in
 * docs/engine.md): an operator's lever for an API that answers slower than the connector's default, and how the
 * acceptance suite makes a slow drip outlast the timeout within a few seconds.
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

  /** Environment variable: the read timeout in whole seconds, overriding the connector's own. */
  public static final String READ_TIMEOUT_ENV = "ACTIVATION_HTTP_READ_TIMEOUT_SECONDS";

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

  /**
   * A copy with the read timeout {@code environment} names in {@value #READ_TIMEOUT_ENV}, or this when it names
   * none.
   *
   * @throws ConfigErrorException when the value is not a whole number of seconds from 1 to 86,400 (a
   *     config_error naming the variable)
   */
  public HttpClientSettings withEnvironment(Map<String, String> environment) {
    String value = environment.get(READ_TIMEOUT_ENV);
    if (value == null || value.isBlank()) {
      return this;
    }
    long seconds;
    try {
      seconds = Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      seconds = -1;
    }
    if (seconds < 1 || seconds > 86_400) {
      throw new ConfigErrorException("The environment variable " + READ_TIMEOUT_ENV + " must be a whole number of "
          + "seconds from 1 to 86400, not '" + value + "': fix or unset it.");
    }
    return new HttpClientSettings(connectTimeout, Duration.ofSeconds(seconds), writeTimeout, callTimeout,
        maxConcurrency, userAgent, logExchanges, logBodies);
  }

  private static void requirePositive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }
}
