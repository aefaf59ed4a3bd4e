package io.activationsuite.destination.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.protocol.errors.ConfigErrorException;
import io.activationsuite.protocol.errors.TransientErrorException;
import io.activationsuite.sink.api.DeliveryUncertainException;
import io.activationsuite.sink.api.PlannedRequest;
import io.activationsuite.sink.http.ApiClient;
import io.activationsuite.sink.http.ApiResponse;
import io.activationsuite.sink.http.HttpClientFactory;
import io.activationsuite.sink.http.HttpClientSettings;
import io.activationsuite.sink.http.Idempotency;
import io.activationsuite.sink.http.RateKey;
import io.activationsuite.sink.http.RetriesExhaustedException;
import io.activationsuite.sink.http.auth.BearerTokenAuth;
import io.activationsuite.sink.http.auth.OAuth2Auth;
import io.activationsuite.sink.http.auth.OAuth2Settings;
import io.activationsuite.sink.http.auth.OAuth2TokenListener;
import io.activationsuite.sink.http.auth.OAuth2TokenProvider;
import io.activationsuite.sink.http.auth.RequestAuth;
import io.activationsuite.sink.http.ratelimit.KeyedRateLimiter;
import io.activationsuite.sink.http.ratelimit.RateLimiter;
import io.activationsuite.sink.http.ratelimit.RateLimits;
import io.activationsuite.sink.http.retry.ResponseClassifier;
import io.activationsuite.sink.http.retry.RetryAfter;
import io.activationsuite.sink.http.retry.RetryPolicy;
import io.activationsuite.sink.http.retry.Verdict;
import io.activationsuite.sink.http.time.Waiter;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Slack's Web API for one session. Reads and lookups (idempotent) go through a retrying client; posts go
 * through a client that never resends a request that may have reached Slack: a 429 (Slack did not post)
 * waits {@code Retry-After} and tries again, a refused connection is tried again, but a timeout, a reset
 * or a gateway error after sending ends as {@link PostOutcome.Uncertain}. Posts are paced per channel (a
 * keyed limit per channel, counted from the send as Slack counts arrivals) and for the workspace; every other
 * method by its tier (calls per minute per method). Slack answers logical errors as HTTP 200 {@code ok:false}; an expired rotating
 * token renews it, a missing scope or refused token is a config error saying what to do.
 */
final class SlackApi implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MediaType JSON_UTF8 = MediaType.get("application/json; charset=utf-8");
  private static final Set<String> AUTH_ERRORS = Set.of("not_authed", "invalid_auth", "account_inactive",
      "token_revoked", "no_permission", "org_login_required", "ekm_access_denied");
  private static final Duration POST_BUDGET = Duration.ofMinutes(15);
  /** Calls per minute of the methods' rate-limit tiers (Tier 2: 20, Tier 3: 50, Tier 4: 100). */
  private static final Map<String, Integer> TIER_PER_MINUTE = Map.of("conversations.list", 20, "users.list", 20,
      "auth.test", 100);
  private static final int DEFAULT_TIER_PER_MINUTE = 50;
  /** Each channel's slots are spaced 2 % wider than Slack's limit. */
  private static final double CHANNEL_MARGIN = 0.02;
  private static final String CHANNEL_KEY = "chat.postMessage ";

  private final okhttp3.HttpUrl apiUrl;
  private final OkHttpClient http;
  private final ApiClient reads;
  private final ApiClient posts;
  private final KeyedRateLimiter keyed;
  private final Clock clock;
  private final Waiter waiter;

  SlackApi(SlackConfig config, Clock clock, int concurrency, Consumer<String> onRefreshTokenRotated) {
    this.apiUrl = config.apiBase();
    this.clock = clock;
    this.waiter = Waiter.system(clock);
    this.http = HttpClientFactory.create(
        HttpClientSettings.defaults("activation-suite-destination-slack", Math.max(4, concurrency * 4)));
    RequestAuth auth = auth(config.credentials(), onRefreshTokenRotated);
    this.keyed = KeyedRateLimiter.create("Slack", key -> limitsOf(key, config.channelMessagesPerSecond()), clock,
        waiter);
    this.reads = ApiClient.builder("Slack", http).auth(auth).classifier(classifier(false)).keyedRateLimits(keyed)
        .retryPolicy(RetryPolicy.defaults()).time(clock, waiter).build();
    RateLimiter workspace = RateLimiter.create("Slack chat.postMessage",
        RateLimits.builder().window(config.workspaceMessagesPerMinute(), Duration.ofMinutes(1)).build(), clock,
        waiter);
    this.posts = ApiClient.builder("Slack", http.newBuilder().retryOnConnectionFailure(false).build()).auth(auth)
        .rateLimiter(workspace).keyedRateLimits(keyed).classifier(classifier(true)).retryPolicy(RetryPolicy.none())
        .time(clock, waiter).build();
  }

  /** A channel's posting pace (one message per interval), or a method's tier. */
  private static RateLimits limitsOf(String key, double channelMessagesPerSecond) {
    if (key.startsWith(CHANNEL_KEY)) {
      return RateLimits.builder().window(1, Duration.ofNanos(Math.round(1e9 / channelMessagesPerSecond)))
          .safetyMargin(CHANNEL_MARGIN).build();
    }
    return RateLimits.builder().window(TIER_PER_MINUTE.getOrDefault(key, DEFAULT_TIER_PER_MINUTE),
        Duration.ofMinutes(1)).build();
  }

  private RequestAuth auth(SlackCredentials credentials, Consumer<String> onRotated) {
    return switch (credentials) {
      case SlackCredentials.BotToken bot -> new BearerTokenAuth(bot.token());
      case SlackCredentials.RotatingToken app -> new OAuth2Auth(OAuth2TokenProvider.builder(OAuth2Settings
              .refreshToken(apiUrl.resolve("oauth.v2.access"), app.clientId(), app.clientSecret(), app.refreshToken()),
              http)
          .time(clock, waiter)
          .listener(new OAuth2TokenListener() {
            @Override
            public void onRefreshTokenRotated(String newRefreshToken) {
              onRotated.accept(newRefreshToken);
            }
          }).build());
    };
  }

  /**
   * Slack's rules: {@code token_expired} renews a rotating token; for reads 429 throttles, 5xx retries and
   * every other answer is read by the caller; for posts every other answer, 429 and 5xx included, is for
   * {@link #post} to judge (a 429 pauses only its channel).
   */
  private static ResponseClassifier classifier(boolean posting) {
    return response -> {
      if (response.status() == 200 && "token_expired".equals(error(response))) {
        return Verdict.refreshAuth();
      }
      if (response.status() == 429 && !posting) {
        return Verdict.throttled("Slack rate limit (HTTP 429)");
      }
      if (!posting && response.status() >= 500) {
        return Verdict.retry("Slack server error (HTTP " + response.status() + ")");
      }
      return Verdict.accept();
    };
  }

  private static String error(ApiResponse response) {
    try {
      JsonNode body = JSON.readTree(response.body());
      return body == null ? null : body.path("error").asText(null);
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * Calls a read or lookup method and returns its body ({@code ok} true or false).
   *
   * @throws ConfigErrorException when the token is refused or lacks a scope
   */
  JsonNode call(String method, ObjectNode args) throws InterruptedException {
    ApiResponse response = reads.execute(RateKey.of(method).mark(request(method, args)), Idempotency.IDEMPOTENT);
    return checked(method, response);
  }

  /** The scopes Slack reports for the token ({@code X-OAuth-Scopes} of auth.test); empty when it reports none. */
  Set<String> grantedScopes() throws InterruptedException {
    ApiResponse response = reads.execute(RateKey.of("auth.test").mark(request("auth.test", JSON.createObjectNode())),
        Idempotency.IDEMPOTENT);
    checked("auth.test", response);
    return response.header("X-OAuth-Scopes").map(h -> Set.of(h.split("\\s*,\\s*"))).orElse(Set.of());
  }

  /** Posts a message in the channel's next slot; never resends it once it may have reached Slack. */
  PostOutcome post(String channelId, ObjectNode message) throws Exception {
    Instant deadline = clock.instant().plus(POST_BUDGET);
    RateKey channel = RateKey.of(CHANNEL_KEY + channelId);
    int refused = 0;
    while (true) {
      ApiResponse response;
      try {
        response = posts.execute(channel.mark(request("chat.postMessage", message)), Idempotency.NOT_IDEMPOTENT);
      } catch (DeliveryUncertainException e) {
        return new PostOutcome.Uncertain("no answer from Slack after the message was sent: "
            + (e.getCause() == null ? e.getMessage() : e.getCause().getClass().getSimpleName()));
      } catch (RetriesExhaustedException e) {
        if (notSent(e.getCause()) && ++refused <= 5) {
          waitOrGiveUp(deadline, e);
          continue;
        }
        return new PostOutcome.Uncertain("no answer from Slack after the message was sent ("
            + (e.getCause() == null ? "HTTP " + e.lastStatus() : e.getCause().getClass().getSimpleName()) + ")");
      }
      if (response.status() == 429) {
        Instant now = clock.instant();
        Instant until = RetryAfter.parse(response.header("Retry-After").orElse(null), now)
            .orElse(now.plusSeconds(1));
        if (until.isAfter(deadline)) {
          waitOrGiveUp(deadline, null);
        }
        keyed.forKey(channel.value()).pauseUntil(until);
        continue;
      }
      if (response.status() == 503) {
        waitOrGiveUp(deadline, null);
        continue;
      }
      if (response.status() != 200) {
        return new PostOutcome.Uncertain("Slack answered HTTP " + response.status() + " after the message was sent");
      }
      JsonNode body = checked("chat.postMessage", response);
      return body.path("ok").asBoolean()
          ? new PostOutcome.Posted(body.path("channel").asText(), body.path("ts").asText())
          : new PostOutcome.Refused(body.path("error").asText("unknown_error"), body);
    }
  }

  private void waitOrGiveUp(Instant deadline, Exception cause) throws InterruptedException {
    Instant next = clock.instant().plusSeconds(1);
    if (next.isAfter(deadline)) {
      throw new TransientErrorException("Slack kept refusing chat.postMessage (rate limited or unavailable) for "
          + POST_BUDGET.toMinutes() + " minutes; the next sync resumes from the last checkpoint.", cause);
    }
    waiter.sleepUntil(next);
  }

  private static boolean notSent(Throwable cause) {
    return cause instanceof ConnectException || cause instanceof UnknownHostException
        || cause instanceof NoRouteToHostException;
  }

  private JsonNode checked(String method, ApiResponse response) {
    JsonNode body;
    try {
      body = JSON.readTree(response.body());
    } catch (IOException e) {
      body = null;
    }
    if (body == null || !body.has("ok")) {
      throw new TransientErrorException("Slack answered " + method + " with HTTP " + response.status()
          + " and no JSON body; try again later.");
    }
    String error = body.path("error").asText("");
    if (error.equals("missing_scope")) {
      throw new ConfigErrorException("The Slack app lacks the scope '" + body.path("needed").asText() + "' needed by "
          + method + " (granted: " + body.path("provided").asText() + "). Add it under OAuth & Permissions > Scopes"
          + " and reinstall the app to the workspace.");
    }
    if (AUTH_ERRORS.contains(error) || error.equals("token_expired")) {
      throw new ConfigErrorException("Slack refused the token (" + error + "). Check the bot token, or"
          + " re-authorise the app for a new refresh token.");
    }
    return body;
  }

  private Request request(String method, ObjectNode args) {
    return new Request.Builder().url(apiUrl.resolve(method))
        .post(RequestBody.create(body(args), JSON_UTF8)).build();
  }

  /**
   * The {@code chat.postMessage} call {@link #post} would make with {@code message}, for a preview: the
   * token travels in the Authorization header, never in the body.
   */
  PlannedRequest plannedPost(ObjectNode message) {
    return new PlannedRequest("POST", apiUrl.resolve("chat.postMessage").encodedPath(), JSON_UTF8.toString(),
        body(message));
  }

  private static String body(ObjectNode args) {
    return args.toString();
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
