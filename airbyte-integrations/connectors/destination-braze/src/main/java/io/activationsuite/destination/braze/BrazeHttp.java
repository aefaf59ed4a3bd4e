package io.activationsuite.destination.braze;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.activationsuite.sink.http.ApiClient;
import io.activationsuite.sink.http.ApiResponse;
import io.activationsuite.sink.http.BaseUrls;
import io.activationsuite.sink.http.HttpClientFactory;
import io.activationsuite.sink.http.HttpClientSettings;
import io.activationsuite.sink.http.Idempotency;
import io.activationsuite.sink.http.auth.BearerTokenAuth;
import io.activationsuite.sink.http.ratelimit.RateLimitHeaders;
import io.activationsuite.sink.http.ratelimit.RateLimiter;
import io.activationsuite.sink.http.ratelimit.RateLimits;
import io.activationsuite.sink.http.retry.ResponseClassifier;
import io.activationsuite.sink.http.retry.RetryPolicy;
import io.activationsuite.sink.http.retry.Verdict;
import io.activationsuite.sink.http.time.Waiter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Braze calls with auth, pacing and retries: one rate limiter per endpoint class (so throttled deletions
 * never hold back {@code /users/track}), waits for {@code X-RateLimit-Reset} after a 429, and two ways to
 * send: {@link #post} retries (idempotent requests), {@link #postOnce} never re-sends a request that may
 * have reached Braze (events, purchases) and says so with a {@link DeliveryUncertainException}.
 */
public final class BrazeHttp implements AutoCloseable {

  /** Braze's rate-limit classes. */
  public enum Endpoint { TRACK, USERS, SUBSCRIPTION, EXPORT }

  /** A final answer: status, parsed body (missing when not JSON) and the wait Braze asked for. */
  public record Answer(int status, JsonNode body, long retryAfterSeconds, String next) {
    /** Braze's {@code message}, or the status. */
    public String message() {
      return body.path("message").asText("HTTP " + status);
    }

    /** The next page's relative path from a {@code Link: <...>; rel="next"} header, or null. */
    public String nextPage() {
      return next;
    }
  }

  /** A request that may have reached Braze got no usable answer; it was not sent again. */
  public static final class DeliveryUncertainException extends Exception {
    private static final long serialVersionUID = 1L;

    DeliveryUncertainException(String message) {
      super(message);
    }
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final MediaType JSON = MediaType.get("application/json");

  private final OkHttpClient http;
  private final HttpUrl base;
  private final Clock clock;
  private final Waiter waiter;
  private final Map<Endpoint, RateLimiter> limiters = new EnumMap<>(Endpoint.class);
  private final Map<Endpoint, ApiClient> retrying = new EnumMap<>(Endpoint.class);

  /** Clients for every endpoint class of the config's instance. */
  public BrazeHttp(BrazeConfig config, Clock clock, int concurrency) {
    this.http = HttpClientFactory.create(HttpClientSettings.defaults("activation-suite-destination-braze",
        Math.max(1, concurrency))).newBuilder().addInterceptor(this::retryAfterFromReset).build();
    this.base = config.restEndpoint();
    this.clock = clock;
    this.waiter = Waiter.system(clock);
    Map<Endpoint, RateLimits> budgets = Map.of(
        Endpoint.TRACK, window(config.trackRequestsPer3Seconds(), Duration.ofSeconds(3)),
        Endpoint.USERS, window(config.userRequestsPerMinute(), Duration.ofMinutes(1)),
        Endpoint.SUBSCRIPTION, window(config.subscriptionRequestsPerMinute(), Duration.ofMinutes(1)),
        Endpoint.EXPORT, window(1_000, Duration.ofHours(1)));
    for (Endpoint endpoint : Endpoint.values()) {
      RateLimits limits = budgets.get(endpoint);
      RateLimiter limiter = RateLimiter.create("Braze " + endpoint, limits, clock, waiter);
      limiters.put(endpoint, limiter);
      retrying.put(endpoint, client(config, limiter, limits,
          RetryPolicy.defaults().withBounds(20, Duration.ofMinutes(15)), BrazeHttp::classify));
    }
  }

  private ApiClient client(BrazeConfig config, RateLimiter limiter, RateLimits limits, RetryPolicy policy,
      ResponseClassifier classifier) {
    return ApiClient.builder("Braze", http).auth(new BearerTokenAuth(config.apiKey())).rateLimiter(limiter)
        .signals(RateLimitHeaders.xRateLimit(RateLimitHeaders.ResetStyle.EPOCH_SECONDS,
            limits.windows().get(0).length()))
        .classifier(classifier).retryPolicy(policy).time(clock, waiter).build();
  }

  private static RateLimits window(int permits, Duration length) {
    return RateLimits.builder().window(permits, length).safetyMargin(0.01).build();
  }

  /** 429 waits for the window reset; 5xx is retried; every other status is the caller's to read. */
  private static Verdict classify(ApiResponse response) {
    if (response.status() == 429) {
      return Verdict.throttled("rate limited (HTTP 429)");
    }
    return response.status() >= 500 ? Verdict.retry("server error (HTTP " + response.status() + ")")
        : Verdict.accept();
  }

  /** {@code GET path} (relative, e.g. {@code custom_attributes}), retried. */
  public Answer get(Endpoint endpoint, String path) throws IOException {
    return execute(retrying.get(endpoint), new Request.Builder().url(BaseUrls.resolve(base, path)).get().build());
  }

  /** {@code POST path} of an idempotent request, retried on 429, 5xx and I/O errors. */
  public Answer post(Endpoint endpoint, String path, JsonNode body) throws IOException {
    return execute(retrying.get(endpoint), postRequest(path, body, Idempotency.IDEMPOTENT));
  }

  /**
   * {@code POST path} of a request Braze must not apply twice: the shared client re-sends it only when Braze
   * did not process it (429, 503, a connection that never opened).
   *
   * @throws DeliveryUncertainException when the request may have been applied (timeout, reset, other 5xx)
   */
  public Answer postOnce(Endpoint endpoint, String path, JsonNode body)
      throws IOException, DeliveryUncertainException {
    try {
      return execute(retrying.get(endpoint), postRequest(path, body, Idempotency.NOT_IDEMPOTENT));
    } catch (io.activationsuite.sink.api.DeliveryUncertainException e) {
      throw new DeliveryUncertainException(e.getMessage());
    }
  }

  private Request postRequest(String path, JsonNode body, Idempotency idempotency) throws IOException {
    return idempotency.mark(new Request.Builder().url(BaseUrls.resolve(base, path))
        .post(RequestBody.create(MAPPER.writeValueAsBytes(body), JSON)).build());
  }

  private Answer execute(ApiClient client, Request request) throws IOException {
    ApiResponse response;
    try {
      response = client.execute(request);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while calling Braze");
    }
    long wait = response.header("Retry-After").filter(v -> v.trim().matches("\\d{1,6}"))
        .map(v -> Long.parseLong(v.trim())).orElse(1L);
    String next = response.header("Link").filter(l -> l.contains("rel=\"next\"") && l.indexOf('<') >= 0)
        .map(l -> HttpUrl.parse(l.substring(l.indexOf('<') + 1, l.indexOf('>'))))
        .map(url -> url.encodedPath().substring(1) + (url.encodedQuery() == null ? "" : "?" + url.encodedQuery()))
        .orElse(null);
    return new Answer(response.status(), parse(response.body()), wait, next);
  }

  /** Braze sends no Retry-After: derive it from {@code X-RateLimit-Reset} so a 429 waits exactly that long. */
  private okhttp3.Response retryAfterFromReset(okhttp3.Interceptor.Chain chain) throws IOException {
    okhttp3.Response response = chain.proceed(chain.request());
    String reset = response.header("X-RateLimit-Reset");
    if (response.code() != 429 || reset == null || response.header("Retry-After") != null) {
      return response;
    }
    try {
      long millis = Long.parseLong(reset.trim()) * 1000 - clock.millis();
      return response.newBuilder().header("Retry-After", Long.toString(Math.max(1, (millis + 999) / 1000))).build();
    } catch (NumberFormatException e) {
      return response;
    }
  }

  private static JsonNode parse(byte[] body) {
    try {
      return body == null || body.length == 0 ? MissingNode.getInstance() : MAPPER.readTree(body);
    } catch (IOException e) {
      return MissingNode.getInstance();
    }
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
