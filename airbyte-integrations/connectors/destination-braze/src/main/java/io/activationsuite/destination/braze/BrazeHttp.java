package io.activationsuite.destination.braze;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.activationsuite.sink.api.PlannedRequest;
import io.activationsuite.sink.http.ApiClient;
import io.activationsuite.sink.http.ApiResponse;
import io.activationsuite.sink.http.BaseUrls;
import io.activationsuite.sink.http.HttpClientFactory;
import io.activationsuite.sink.http.HttpClientSettings;
import io.activationsuite.sink.http.Idempotency;
import io.activationsuite.sink.http.RateKey;
import io.activationsuite.sink.http.auth.BearerTokenAuth;
import io.activationsuite.sink.http.ratelimit.KeyedRateLimiter;
import io.activationsuite.sink.http.ratelimit.RateLimitHeaders;
import io.activationsuite.sink.http.ratelimit.RateLimitSignalParser;
import io.activationsuite.sink.http.ratelimit.RateLimits;
import io.activationsuite.sink.http.ratelimit.ThrottledRead;
import io.activationsuite.sink.http.retry.RetryPolicy;
import io.activationsuite.sink.http.retry.Verdict;
import io.activationsuite.sink.http.time.Waiter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Braze calls with auth, pacing and retries: one budget per endpoint class (a {@link KeyedRateLimiter} keyed
 * by {@link RateKey}, so throttled deletions never hold back {@code /users/track}), waits for
 * {@code X-RateLimit-Reset} after a 429, and two ways to send: {@link #post} retries (idempotent requests),
 * {@link #postOnce} never re-sends a request that may have reached Braze (events, purchases) and says so
 * with the base's {@link io.activationsuite.sink.api.DeliveryUncertainException}. Discovery reads
 * ({@link #getOnce}) return a 429 to the caller.
 */
public final class BrazeHttp implements AutoCloseable {

  /** Braze's rate-limit classes, each the key of its own budget. */
  public enum Endpoint {
    TRACK("users/track", Duration.ofSeconds(3)), USERS("users/admin", Duration.ofMinutes(1)),
    SUBSCRIPTION("subscription", Duration.ofMinutes(1)), EXPORT("export", Duration.ofHours(1));

    final RateKey key;
    final Duration window;

    Endpoint(String key, Duration window) {
      this.key = RateKey.of(key);
      this.window = window;
    }

    static Endpoint of(String path) {
      return path.startsWith("/users/track") ? TRACK : path.startsWith("/users/") ? USERS
          : path.startsWith("/v2/subscription") ? SUBSCRIPTION : EXPORT;
    }
  }

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

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final MediaType JSON = MediaType.get("application/json");

  private final OkHttpClient http;
  private final HttpUrl base;
  private final Clock clock;
  private final Waiter waiter;
  private final ApiClient client;
  private final ApiClient discovery;

  /** Clients for every endpoint class of the config's instance. */
  public BrazeHttp(BrazeConfig config, Clock clock, int concurrency) {
    this(config, clock, Waiter.system(clock), concurrency);
  }

  /** As {@link #BrazeHttp(BrazeConfig, Clock, int)}, every wait through {@code waiter} (tests: virtual time). */
  BrazeHttp(BrazeConfig config, Clock clock, Waiter waiter, int concurrency) {
    this.http = HttpClientFactory.create(HttpClientSettings.defaults("activation-suite-destination-braze",
        Math.max(1, concurrency))).newBuilder().addInterceptor(this::retryAfterFromReset).build();
    this.base = config.restEndpoint();
    this.clock = clock;
    this.waiter = waiter;
    Map<RateKey, Integer> budgets = Map.of(Endpoint.TRACK.key, config.trackRequestsPer3Seconds(),
        Endpoint.USERS.key, config.userRequestsPerMinute(), Endpoint.SUBSCRIPTION.key,
        config.subscriptionRequestsPerMinute(), Endpoint.EXPORT.key, 1_000);
    KeyedRateLimiter keyed = KeyedRateLimiter.create("Braze", key -> {
      Endpoint endpoint = Arrays.stream(Endpoint.values()).filter(e -> e.key.value().equals(key)).findFirst()
          .orElseThrow();
      return RateLimits.builder().window(budgets.get(endpoint.key), endpoint.window).safetyMargin(0.01).build();
    }, clock, waiter);
    Map<Endpoint, RateLimitSignalParser> signals = new EnumMap<>(Endpoint.class);
    for (Endpoint endpoint : Endpoint.values()) {
      signals.put(endpoint, RateLimitHeaders.xRateLimit(RateLimitHeaders.ResetStyle.EPOCH_SECONDS, endpoint.window));
    }
    RateLimitSignalParser byEndpoint = (response, now) -> signals.get(Endpoint.of(response.path()))
        .parse(response, now);
    this.client = ApiClient.builder("Braze", http).auth(new BearerTokenAuth(config.apiKey())).keyedRateLimits(keyed)
        .signals(byEndpoint).classifier(BrazeHttp::classify)
        .retryPolicy(RetryPolicy.defaults().withBounds(20, Duration.ofMinutes(15))).time(clock, waiter).build();
    this.discovery = ApiClient.builder("Braze", http).auth(new BearerTokenAuth(config.apiKey()))
        .keyedRateLimits(keyed).signals(byEndpoint)
        .classifier(response -> response.status() == 429 ? Verdict.accept() : classify(response))
        .retryPolicy(RetryPolicy.defaults().withBounds(5, Duration.ofMinutes(2))).time(clock, waiter).build();
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
    return execute(client, endpoint.key.mark(new Request.Builder().url(BaseUrls.resolve(base, path)).get().build()));
  }

  /** {@code GET path} retried on 5xx and I/O errors, but a 429 is returned: the caller decides whether to wait. */
  public Answer getOnce(Endpoint endpoint, String path) throws IOException {
    return execute(discovery, endpoint.key.mark(new Request.Builder().url(BaseUrls.resolve(base, path)).get()
        .build()));
  }

  /** Reads that wait for Braze's rate-limit reset up to {@code bound}, on this client's clock. */
  public ThrottledRead throttledReads(Duration bound) {
    return ThrottledRead.within("Braze", bound, clock, waiter);
  }

  /** {@code POST path} of an idempotent request, retried on 429, 5xx and I/O errors. */
  public Answer post(Endpoint endpoint, String path, JsonNode body) throws IOException {
    return execute(client, endpoint.key.mark(postRequest(path, body, Idempotency.IDEMPOTENT)));
  }

  /**
   * {@code POST path} of a request Braze must not apply twice: the shared client re-sends it only when Braze
   * did not process it (429, 503, a connection that never opened).
   *
   * @throws io.activationsuite.sink.api.DeliveryUncertainException when the request may have been applied
   *     (timeout, reset, other 5xx)
   */
  public Answer postOnce(Endpoint endpoint, String path, JsonNode body) throws IOException {
    return execute(client, endpoint.key.mark(postRequest(path, body, Idempotency.NOT_IDEMPOTENT)));
  }

  private Request postRequest(String path, JsonNode body, Idempotency idempotency) throws IOException {
    return idempotency.mark(new Request.Builder().url(BaseUrls.resolve(base, path))
        .post(RequestBody.create(wire(body), JSON)).build());
  }

  /**
   * {@code POST path} with {@code body} exactly as {@link #post} and {@link #postOnce} send it, for a preview;
   * the REST API key travels in the Authorization header, never in the body.
   */
  public PlannedRequest planned(String path, JsonNode body) {
    try {
      return new PlannedRequest("POST", BaseUrls.resolve(base, path).encodedPath(), JSON.toString(),
          new String(wire(body), java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static byte[] wire(JsonNode body) throws IOException {
    return MAPPER.writeValueAsBytes(body);
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
