package io.activationsuite.destination.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.activationsuite.sink.api.DeliveryUncertainException;
import io.activationsuite.sink.http.ApiClient;
import io.activationsuite.sink.http.ApiResponse;
import io.activationsuite.sink.http.ApiResponseException;
import io.activationsuite.sink.http.HttpClientFactory;
import io.activationsuite.sink.http.HttpClientSettings;
import io.activationsuite.sink.http.Idempotency;
import io.activationsuite.sink.http.auth.BasicAuth;
import io.activationsuite.sink.http.auth.OAuth2Auth;
import io.activationsuite.sink.http.auth.OAuth2Settings;
import io.activationsuite.sink.http.auth.OAuth2TokenListener;
import io.activationsuite.sink.http.auth.OAuth2TokenProvider;
import io.activationsuite.sink.http.auth.RequestAuth;
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
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import io.activationsuite.sink.api.PlannedRequest;
import okhttp3.RequestBody;

/**
 * JSON calls to Zendesk on the shared HTTP layer: auth (OAuth with refresh-token rotation, or API token),
 * one rate limiter paced to the plan's requests per minute and fed by Zendesk's headers, 429 waited out
 * for {@code Retry-After}. {@link #call} (reads, polls, idempotent writes) also retries 5xx and I/O errors;
 * {@link #create} (non-idempotent creates) is resent only after answers that prove nothing happened, and
 * otherwise ends in the shared layer's {@link DeliveryUncertainException}.
 */
public final class ZendeskHttp implements AutoCloseable {

  /** Status and parsed body of a final answer. */
  public record Answer(int status, JsonNode body) {}

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final MediaType JSON = MediaType.get("application/json");

  private final OkHttpClient http;
  private final ApiClient client;
  private final String baseUrl;
  private final Clock clock;
  private final Waiter waiter;

  /** The session's client; {@code onRefreshTokenRotated} persists a rotated refresh token. */
  public ZendeskHttp(ZendeskConfig config, Clock clock, int concurrency, Consumer<String> onRefreshTokenRotated) {
    this.clock = clock;
    this.waiter = Waiter.system(clock);
    this.http = HttpClientFactory.create(HttpClientSettings.defaults("activation-suite-destination-zendesk",
        Math.max(32, concurrency)));
    this.baseUrl = config.baseUrl().toString();
    RateLimiter limiter = RateLimiter.create("Zendesk", RateLimits.builder()
        .window(config.requestsPerMinute(), Duration.ofMinutes(1)).build(), clock, waiter);
    RequestAuth auth = auth(config.credentials(), onRefreshTokenRotated);
    ResponseClassifier rules = response -> switch (response.status()) {
      case 401 -> Verdict.refreshAuth();
      case 429 -> Verdict.throttled("rate limited (HTTP 429)");
      default -> response.status() >= 500 ? Verdict.retry("server error (HTTP " + response.status() + ")")
          : Verdict.accept();
    };
    this.client = ApiClient.builder("Zendesk", http).rateLimiter(limiter).auth(auth)
        .signals(RateLimitHeaders.ietf(Duration.ofMinutes(1))
            .and(RateLimitHeaders.counters("X-Rate-Limit", "X-Rate-Limit-Remaining", Duration.ofMinutes(1))))
        .retryPolicy(RetryPolicy.defaults()).classifier(rules).time(clock, waiter).build();
  }

  private RequestAuth auth(ZendeskCredentials credentials, Consumer<String> onRotated) {
    HttpUrl tokenUrl = HttpUrl.get(baseUrl + "/oauth/tokens");
    OAuth2Settings settings = switch (credentials) {
      case ZendeskCredentials.ApiToken t -> null;
      case ZendeskCredentials.OAuthRefresh r -> OAuth2Settings.refreshToken(tokenUrl, r.clientId(),
          r.clientSecret(), r.refreshToken());
      case ZendeskCredentials.ClientCredentials c -> OAuth2Settings.clientCredentials(tokenUrl, c.clientId(),
          c.clientSecret(), "read write");
    };
    if (settings == null) {
      ZendeskCredentials.ApiToken token = (ZendeskCredentials.ApiToken) credentials;
      return new BasicAuth(token.email() + "/token", token.apiToken());
    }
    OAuth2TokenProvider tokens = OAuth2TokenProvider.builder(settings, http).time(clock, waiter)
        .listener(new OAuth2TokenListener() {
          @Override
          public void onRefreshTokenRotated(String newRefreshToken) {
            onRotated.accept(newRefreshToken);
          }
        }).build();
    return new OAuth2Auth(tokens);
  }

  /** A request retried until it has a final answer (reads and idempotent writes). */
  public Answer call(String method, String path, JsonNode body) throws IOException {
    return execute(request(method, path, body), Idempotency.IDEMPOTENT);
  }

  /**
   * A non-idempotent request (a create): resent only after answers that prove Zendesk did not take it (429,
   * 503, 401); after a lost answer or another 5xx it throws {@link DeliveryUncertainException}.
   */
  public Answer create(String method, String path, JsonNode body) throws IOException {
    return execute(request(method, path, body), Idempotency.NOT_IDEMPOTENT);
  }

  private Answer execute(Request request, Idempotency idempotency) throws IOException {
    try {
      return answer(client.execute(request, idempotency));
    } catch (ApiResponseException e) {
      return answer(e.response());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while calling Zendesk");
    }
  }

  /** The request {@link #call} or {@link #create} would send, for a preview: the body as serialised here. */
  public static PlannedRequest planned(String method, String path, JsonNode body) {
    try {
      return new PlannedRequest(method, path, body == null ? null : JSON.toString(),
          body == null ? null : MAPPER.writeValueAsString(body));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The shared limiter (for tests and benchmarks). */
  public RateLimiter limiter() {
    return client.limiter();
  }

  private Request request(String method, String path, JsonNode body) throws IOException {
    RequestBody payload = body == null ? null : RequestBody.create(MAPPER.writeValueAsBytes(body), JSON);
    if (payload == null && (method.equals("POST") || method.equals("PUT"))) {
      payload = RequestBody.create(new byte[0], JSON);
    }
    return new Request.Builder().url(baseUrl + path).method(method, payload).build();
  }

  private static Answer answer(ApiResponse response) {
    byte[] bytes = response.body();
    JsonNode body = MissingNode.getInstance();
    if (bytes != null && bytes.length > 0) {
      try {
        body = MAPPER.readTree(bytes);
      } catch (IOException e) {
        body = MissingNode.getInstance();
      }
    }
    return new Answer(response.status(), body);
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
