package io.activationsuite.sink.http.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.activationsuite.protocol.errors.ConfigErrorException;
import io.activationsuite.protocol.errors.FailureType;
import io.activationsuite.protocol.errors.SystemErrorException;
import io.activationsuite.protocol.errors.TransientErrorException;
import io.activationsuite.sink.api.DeliveryUncertainException;
import io.activationsuite.sink.http.ApiClient;
import io.activationsuite.sink.http.ApiResponse;
import io.activationsuite.sink.http.ApiResponseException;
import io.activationsuite.sink.http.Idempotency;
import io.activationsuite.sink.http.Redactor;
import io.activationsuite.sink.http.retry.RetryPolicy;
import io.activationsuite.sink.http.retry.Verdict;
import io.activationsuite.sink.http.time.Waiter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiPredicate;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * Obtains, caches and renews OAuth 2 access tokens (refresh-token or client-credentials grant).
 *
 * <p>The token is renewed shortly before it expires and when the API rejects it. Renewals are
 * single-flight: however many threads need a new token at once, one request goes to the token
 * endpoint and the others reuse its result. A rotated refresh token replaces the old one and is
 * reported to the {@link OAuth2TokenListener}. Refusals that only the user can fix (invalid_grant,
 * invalid_client...) become a {@link ConfigErrorException} without any secret in the message.
 *
 * <p>The token endpoint is called through the shared {@link ApiClient} (its retry budget, backoff,
 * {@code Retry-After} and unreachable-host rules) with this provider's classifier: 2xx is a token, 429 and 5xx
 * are retried, every other answer is a refusal. A client-credentials request is idempotent (each answer is
 * just another token). A refresh-token request is not: the endpoint may rotate the refresh token, and if its
 * answer is lost the token we hold may already be revoked. So it is never resent silently; after a lost
 * answer it is asked once more on purpose with the same refresh token (the only way back - endpoints with a
 * reuse grace period answer it, and a rotation that did happen cannot be recovered anyway), and a refusal of
 * that second request says that the rotation was probably lost and the user must re-authenticate.
 */
public final class OAuth2TokenProvider {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> CONFIG_ERRORS = Set.of("invalid_grant", "invalid_client", "unauthorized_client",
      "invalid_scope", "unsupported_grant_type", "invalid_request", "access_denied");

  private final OAuth2Settings settings;
  private final OkHttpClient http;
  private final Clock clock;
  private final ApiClient tokenEndpoint;
  private final OAuth2TokenListener listener;
  private final BiPredicate<Integer, String> retryableRefusal;
  private final ReentrantLock refreshLock = new ReentrantLock();
  private volatile Cached current;
  private volatile String refreshToken;
  private volatile long fetches;

  private OAuth2TokenProvider(Builder builder) {
    this.settings = Objects.requireNonNull(builder.settings, "settings");
    this.http = Objects.requireNonNull(builder.http, "http");
    this.clock = builder.clock;
    this.listener = builder.listener;
    this.retryableRefusal = builder.retryableRefusal;
    this.tokenEndpoint = ApiClient.builder("OAuth token endpoint", http).classifier(this::classify)
        .retryPolicy(builder.retryPolicy)
        .time(clock, builder.waiter == null ? Waiter.system(clock) : builder.waiter).build();
    this.refreshToken = settings.grant() instanceof OAuth2Grant.RefreshToken grant ? grant.refreshToken() : null;
  }

  /** A builder for {@code settings}, calling the token endpoint with {@code http}. */
  public static Builder builder(OAuth2Settings settings, OkHttpClient http) {
    return new Builder(settings, http);
  }

  /** A valid token, fetched or renewed if the cached one is missing or about to expire. */
  public OAuth2Token token() throws InterruptedException {
    Cached cached = current;
    if (cached != null && cached.isFresh(clock.instant())) {
      return cached.token;
    }
    refreshLock.lockInterruptibly();
    try {
      cached = current;
      if (cached != null && cached.isFresh(clock.instant())) {
        return cached.token;
      }
      return fetchAndStore().token;
    } finally {
      refreshLock.unlock();
    }
  }

  /**
   * Renews the token after the API refused {@code rejectedAccessToken}, unless another thread already
   * renewed it. Returns the token to retry with.
   */
  public OAuth2Token renew(String rejectedAccessToken) throws InterruptedException {
    refreshLock.lockInterruptibly();
    try {
      Cached cached = current;
      if (cached != null && !cached.token.accessToken().equals(rejectedAccessToken)) {
        return cached.token;
      }
      return fetchAndStore().token;
    } finally {
      refreshLock.unlock();
    }
  }

  /** How many times the token endpoint answered with a token (for tests and logs). */
  public long tokensFetched() {
    return fetches;
  }

  /** The refresh token currently in use (after rotations), if the grant has one. */
  public Optional<String> currentRefreshToken() {
    return Optional.ofNullable(refreshToken);
  }

  private Cached fetchAndStore() throws InterruptedException {
    OAuth2Token token = fetchWithRetries();
    Cached cached = new Cached(token, renewAt(token));
    current = cached;
    fetches++;
    if (token.refreshToken() != null && refreshToken != null && !token.refreshToken().equals(refreshToken)) {
      refreshToken = token.refreshToken();
      listener.onRefreshTokenRotated(token.refreshToken());
    }
    listener.onToken(token);
    return cached;
  }

  private Instant renewAt(OAuth2Token token) {
    if (token.expiresAt() == null) {
      return null;
    }
    Duration lifetime = Duration.between(token.issuedAt(), token.expiresAt());
    Duration skew = settings.refreshSkew().compareTo(lifetime.dividedBy(2)) > 0
        ? lifetime.dividedBy(2) : settings.refreshSkew();
    return token.expiresAt().minus(skew);
  }

  private OAuth2Token fetchWithRetries() throws InterruptedException {
    Request request = tokenRequest();
    boolean rotates = settings.grant() instanceof OAuth2Grant.RefreshToken;
    try {
      return parseToken(tokenEndpoint.execute(request, rotates ? Idempotency.NOT_IDEMPOTENT : Idempotency.IDEMPOTENT));
    } catch (DeliveryUncertainException lost) {
      // the answer may have carried a rotated refresh token that never arrived: ask once more with the same one
      try {
        return parseToken(tokenEndpoint.execute(request, Idempotency.IDEMPOTENT));
      } catch (ApiResponseException e) {
        throw refusal(e.response(), true);
      } catch (TransientErrorException e) {
        throw unavailable(e);
      }
    } catch (ApiResponseException e) {
      throw refusal(e.response(), false);
    } catch (TransientErrorException e) {
      throw unavailable(e);
    }
  }

  /** The token endpoint's answers: 2xx a token, 429 and 5xx (and vendor throttles) temporary, others refusals. */
  private Verdict classify(ApiResponse response) {
    int status = response.status();
    if (status >= 200 && status < 300) {
      return Verdict.accept();
    }
    if (status == 429) {
      return Verdict.throttled("the token endpoint is rate limited (HTTP 429)");
    }
    if (status >= 500) {
      return Verdict.retry("the token endpoint failed (HTTP " + status + ")");
    }
    if (retryableRefusal.test(status, response.bodyString())) {
      return Verdict.retryNotApplied("the token endpoint refused for now (HTTP " + status + ")");
    }
    return Verdict.reject(FailureType.CONFIG_ERROR, "the token endpoint refused the credentials (HTTP " + status
        + ")");
  }

  private TransientErrorException unavailable(TransientErrorException e) {
    Throwable cause = e.getCause() instanceof IOException io ? io : e;
    return new TransientErrorException("Could not obtain an OAuth access token from " + endpoint() + ": "
        + e.getMessage() + " The token endpoint may be unavailable; retry later.", cause);
  }

  private Request tokenRequest() {
    FormBody.Builder form = new FormBody.Builder(StandardCharsets.UTF_8);
    switch (settings.grant()) {
      case OAuth2Grant.RefreshToken ignored -> form.add("grant_type", "refresh_token")
          .add("refresh_token", refreshToken);
      case OAuth2Grant.ClientCredentials grant -> {
        form.add("grant_type", "client_credentials");
        if (grant.scope() != null && !grant.scope().isBlank()) {
          form.add("scope", grant.scope());
        }
      }
    }
    Request.Builder request = new Request.Builder().url(settings.tokenUrl()).header("Accept", "application/json");
    if (settings.clientAuth() == ClientAuthMethod.BASIC_HEADER) {
      request.header("Authorization", Credentials.basic(settings.clientId(), settings.clientSecret(),
          StandardCharsets.UTF_8));
    } else {
      form.add("client_id", settings.clientId());
      if (!settings.clientSecret().isEmpty()) {
        form.add("client_secret", settings.clientSecret());
      }
    }
    for (Map.Entry<String, String> param : settings.extraParams().entrySet()) {
      form.add(param.getKey(), param.getValue());
    }
    return request.post(form.build()).build();
  }

  private OAuth2Token parseToken(ApiResponse response) {
    String text = response.bodyString();
    JsonNode json;
    try {
      json = JSON.readTree(text);
    } catch (IOException e) {
      throw new SystemErrorException("The OAuth token endpoint " + endpoint() + " returned a response that is not "
          + "JSON.");
    }
    JsonNode access = json == null ? null : json.get("access_token");
    if (access == null || !access.isTextual() || access.asText().isBlank()) {
      throw new SystemErrorException("The OAuth token endpoint " + endpoint() + " returned no access_token.");
    }
    Instant now = clock.instant();
    Instant expiresAt = null;
    JsonNode expiresIn = json.get("expires_in");
    if (expiresIn != null && (expiresIn.isNumber() || expiresIn.asText().matches("\\d+"))) {
      long seconds = expiresIn.isNumber() ? expiresIn.asLong() : Long.parseLong(expiresIn.asText());
      if (seconds > 0) {
        expiresAt = now.plusSeconds(seconds);
      }
    }
    JsonNode type = json.get("token_type");
    JsonNode refresh = json.get("refresh_token");
    return new OAuth2Token(access.asText(), type == null ? null : type.asText(), now, expiresAt,
        refresh == null || refresh.isNull() ? null : refresh.asText(), json);
  }

  private OAuth2RefusedException refusal(ApiResponse response, boolean afterLostAnswer) {
    int status = response.status();
    String body = response.bodyString();
    String error = "";
    String description = "";
    try {
      JsonNode json = JSON.readTree(body);
      if (json != null && json.hasNonNull("error")) {
        error = json.get("error").asText();
      }
      if (json != null && json.hasNonNull("error_description")) {
        description = json.get("error_description").asText();
      }
    } catch (IOException ignored) {
      // not JSON: the status alone must do
    }
    String advice = switch (error) {
      case "invalid_grant" -> invalidGrantAdvice(afterLostAnswer);
      case "invalid_client", "unauthorized_client" ->
          "the client id or client secret was refused: check them and that the app is still installed/enabled";
      case "invalid_scope" -> "the requested scope is not allowed for this client: check the app's scopes";
      default -> "check the OAuth credentials in the connector configuration";
    };
    String detail = description.isBlank() ? "" : " (" + scrub(description) + ")";
    String code = error.isBlank() || !CONFIG_ERRORS.contains(error) ? "HTTP " + status : error;
    return new OAuth2RefusedException("The OAuth token endpoint " + endpoint() + " refused the credentials: " + code
        + detail + " - " + advice + ".", status, error.isBlank() ? null : error,
        description.isBlank() ? null : scrub(description));
  }

  private String invalidGrantAdvice(boolean afterLostAnswer) {
    if (!(settings.grant() instanceof OAuth2Grant.RefreshToken)) {
      return "the grant was refused: check the client's permissions";
    }
    return afterLostAnswer
        ? "an earlier request for a new token got no answer; the endpoint probably rotated the refresh token in that"
            + " lost answer, which revoked the one the connector holds: re-authenticate the connector to get a new one"
        : "the refresh token is invalid, expired or revoked: re-authenticate the connector to get a new one";
  }

  private String scrub(String text) {
    String result = text;
    for (String secret : new String[] {settings.clientSecret(), refreshToken}) {
      if (secret != null && secret.length() >= 4) {
        result = result.replace(secret, Redactor.MASK);
      }
    }
    return Redactor.snippet(result, 200);
  }

  private String endpoint() {
    return settings.tokenUrl().scheme() + "://" + settings.tokenUrl().host() + settings.tokenUrl().encodedPath();
  }

  private record Cached(OAuth2Token token, Instant renewAt) {
    boolean isFresh(Instant now) {
      return renewAt == null || now.isBefore(renewAt);
    }
  }

  /** Builds an {@link OAuth2TokenProvider}. */
  public static final class Builder {
    private final OAuth2Settings settings;
    private final OkHttpClient http;
    private Clock clock = Clock.systemUTC();
    private Waiter waiter;
    private RetryPolicy retryPolicy = new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(10),
        Duration.ofMinutes(1), true);
    private OAuth2TokenListener listener = new OAuth2TokenListener() { };
    private BiPredicate<Integer, String> retryableRefusal = (status, body) -> false;

    private Builder(OAuth2Settings settings, OkHttpClient http) {
      this.settings = settings;
      this.http = http;
    }

    /** Clock and waiter (default: system). */
    public Builder time(Clock clock, Waiter waiter) {
      this.clock = Objects.requireNonNull(clock, "clock");
      this.waiter = Objects.requireNonNull(waiter, "waiter");
      return this;
    }

    /**
     * Retries of the token endpoint on 429/5xx/IO errors through the shared {@link ApiClient} (default: 4
     * attempts within 1 minute).
     */
    public Builder retryPolicy(RetryPolicy policy) {
      this.retryPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Marks vendor-specific answers (status, body) as temporary, to be retried like a 429 or 5xx rather than
     * reported as refused credentials - e.g. Salesforce's {@code 403 REQUEST_LIMIT_EXCEEDED}.
     */
    public Builder retryRefusalWhen(BiPredicate<Integer, String> rule) {
      this.retryableRefusal = Objects.requireNonNull(rule, "rule");
      return this;
    }

    /** Who hears about new tokens and rotated refresh tokens. */
    public Builder listener(OAuth2TokenListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** The provider. */
    public OAuth2TokenProvider build() {
      return new OAuth2TokenProvider(this);
    }
  }
}
