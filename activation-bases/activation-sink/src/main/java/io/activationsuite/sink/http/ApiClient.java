package io.activationsuite.sink.http;

import io.activationsuite.protocol.errors.FailureType;
import io.activationsuite.sink.api.DeliveryUncertainException;
import io.activationsuite.sink.http.auth.RequestAuth;
import io.activationsuite.sink.http.ratelimit.KeyedRateLimiter;
import io.activationsuite.sink.http.ratelimit.Permit;
import io.activationsuite.sink.http.ratelimit.QuotaExhaustedException;
import io.activationsuite.sink.http.ratelimit.RateLimitSignal;
import io.activationsuite.sink.http.ratelimit.RateLimitSignalParser;
import io.activationsuite.sink.http.ratelimit.RateLimiter;
import io.activationsuite.sink.http.ratelimit.RateLimits;
import io.activationsuite.sink.http.retry.Backoff;
import io.activationsuite.sink.http.retry.ResponseClassifier;
import io.activationsuite.sink.http.retry.RetryAfter;
import io.activationsuite.sink.http.retry.RetryPolicy;
import io.activationsuite.sink.http.retry.Verdict;
import io.activationsuite.sink.http.time.Waiter;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The single entry point connectors use to call an API: {@link #execute} waits for a rate-limit
 * permit, adds credentials, sends, lets the limiter learn from the response headers, classifies the
 * response and retries, pauses, renews credentials or fails as the verdict says. Thread-safe: meant
 * to be shared by every (virtual) thread of a sync.
 *
 * <p>Nothing is silently written twice: a request that may have reached the API (it failed after it was
 * sent, or a gateway answered 5xx) is resent only when it is {@link Idempotency#IDEMPOTENT}; a
 * non-idempotent one ends in a {@link DeliveryUncertainException}, and OkHttp's own silent retry is off
 * for it. A success status whose body is no readable answer (an HTML page, JSON cut short) proves nothing:
 * it is handled like a connection that failed after the request was sent. A request that certainly was not
 * sent (unknown host, connection refused) is always retried, except that a host that never answered in this
 * client's life fails fast with a
 * {@link HostUnreachableException}, so a wrong URL is reported in seconds.
 *
 * <p>Outcomes of {@code execute}: the {@link ApiResponse} when accepted (2xx, or whatever the
 * connector's classifier accepts); {@link ApiResponseException} for a final refusal (carrying the
 * response); {@link QuotaExhaustedException} when a daily quota is used up;
 * {@link RetriesExhaustedException} when attempts or time ran out; {@link DeliveryUncertainException}
 * and {@link HostUnreachableException} as above; {@code ConfigErrorException} from OAuth when credentials
 * cannot be renewed.
 */
public final class ApiClient {

  /** Answers by which a server says it did not process the request, so even a create may be resent. */
  private static final Set<Integer> NOT_PROCESSED = Set.of(408, 425, 429, 503);
  /** Attempts to reach a host that never answered before giving up on it. */
  private static final int UNREACHABLE_ATTEMPTS = 2;
  private static final Duration UNREACHABLE_PAUSE = Duration.ofMillis(500);

  private final String apiName;
  private final OkHttpClient http;
  private final OkHttpClient noSilentRetry;
  private final RequestAuth auth;
  private final RateLimiter limiter;
  private final KeyedRateLimiter keyed;
  private final RateLimitSignalParser signals;
  private final ResponseClassifier classifier;
  private final RetryPolicy retryPolicy;
  private final Clock clock;
  private final Waiter waiter;
  private final Backoff backoff;
  private final ApiMetrics metrics = new ApiMetrics();
  private volatile boolean reachedOnce;

  private ApiClient(Builder builder) {
    this.apiName = builder.apiName;
    this.http = builder.http.newBuilder().addNetworkInterceptor(SendTracker.INTERCEPTOR).build();
    this.noSilentRetry = http.newBuilder().retryOnConnectionFailure(false).build();
    this.auth = builder.auth;
    this.clock = builder.clock;
    this.waiter = builder.waiter == null ? Waiter.system(clock) : builder.waiter;
    this.limiter = builder.limiter == null
        ? RateLimiter.create(apiName, RateLimits.unlimited(), clock, waiter) : builder.limiter;
    this.keyed = builder.keyed;
    this.signals = builder.signals;
    this.retryPolicy = builder.retryPolicy;
    this.classifier = builder.classifier == null ? ResponseClassifier.standard(retryPolicy) : builder.classifier;
    this.backoff = new Backoff(retryPolicy, builder.random);
  }

  /** A builder for calls to {@code apiName} (used in messages, e.g. "HubSpot") through {@code http}. */
  public static Builder builder(String apiName, OkHttpClient http) {
    return new Builder(apiName, http);
  }

  /** The API's name, as used in messages. */
  public String apiName() {
    return apiName;
  }

  /** The shared limiter (to read its stats or pause it). */
  public RateLimiter limiter() {
    return limiter;
  }

  /** Counters of this client. */
  public ApiMetrics metrics() {
    return metrics;
  }

  /**
   * Sends {@code request} under the rate limit, auth and retry rules, resending it after a failure
   * only as its {@link Idempotency#of marking or HTTP method} allows. The request body must be
   * replayable (not one-shot) because it may be sent more than once.
   */
  public ApiResponse execute(Request request) throws InterruptedException {
    return execute(request, Idempotency.of(request));
  }

  /** {@link #execute(Request)} for a request that is or is not safe to resend. */
  public ApiResponse execute(Request request, Idempotency idempotency) throws InterruptedException {
    Objects.requireNonNull(idempotency, "idempotency");
    if (request.body() != null && request.body().isOneShot()) {
      throw new IllegalArgumentException("one-shot request bodies cannot be retried; buffer the body first");
    }
    metrics.call();
    Attempts attempts = new Attempts(request);
    RateLimiter keyLimiter = keyLimiter(request);
    boolean renewedAuth = false;
    int unreachable = 0;
    while (true) {
      Permit keyPermit = keyLimiter == null ? null : keyLimiter.acquire();
      Permit permit;
      try {
        permit = limiter.acquire();
      } catch (InterruptedException | RuntimeException e) {
        if (keyPermit != null) {
          keyLimiter.complete(keyPermit, RateLimitSignal.none());
        }
        throw e;
      }
      KeyedPermit permits = new KeyedPermit(keyLimiter, keyPermit, limiter, permit);
      metrics.attempt(permit.waited().plus(keyPermit == null ? Duration.ZERO : keyPermit.waited()));
      attempts.started(clock.instant());
      Request authorized = null;
      ApiResponse response;
      SendTracker tracker = new SendTracker(permits::sent);
      try {
        authorized = auth.authorize(request);
        response = send(authorized.newBuilder().tag(SendTracker.class, tracker).build(), idempotency);
      } catch (IOException e) {
        permits.complete(RateLimitSignal.none());
        if (Thread.currentThread().isInterrupted()) {
          throw new InterruptedException("interrupted during " + attempts.describe());
        }
        metrics.ioError();
        String problem = e.getClass().getSimpleName() + ": " + Redactor.text(String.valueOf(e.getMessage()));
        attempts.failed(-1, problem, e);
        if (tracker.sent() && idempotency == Idempotency.NOT_IDEMPOTENT) {
          throw uncertain(request, "failed (" + problem + ")", e);
        }
        if (!tracker.sent() && !reachedOnce && ++unreachable >= UNREACHABLE_ATTEMPTS) {
          throw new HostUnreachableException(apiName, request.url().host(), problem, e);
        }
        Duration delay = !tracker.sent() && !reachedOnce ? UNREACHABLE_PAUSE : backoffAfter(attempts);
        waiter.sleepUntil(attempts.nextTry(delay));
        continue;
      } catch (InterruptedException | RuntimeException | Error e) {
        permits.complete(RateLimitSignal.none());
        throw e;
      }
      reachedOnce = true;
      Instant now = clock.instant();
      permits.complete(signals.parse(response, now));
      Optional<Instant> retryAfter = RetryAfter.parse(response.header("Retry-After").orElse(null), now);
      Verdict verdict = classifier.classify(response);
      switch (verdict) {
        case Verdict.Accept accept -> {
          return response;
        }
        case Verdict.RefreshAuth refresh -> {
          if (renewedAuth || !auth.renewAfterUnauthorized(authorized)) {
            throw new ApiResponseException(apiName, response, FailureType.CONFIG_ERROR,
                "the API refused the credentials (HTTP " + response.status() + "); check or re-authorise them");
          }
          renewedAuth = true;
          metrics.authRenewal();
          attempts.forgiveOne();
        }
        case Verdict.Throttled throttled -> {
          metrics.throttled();
          attempts.failed(response.status(), throttled.reason(), null);
          Instant until = retryAfter.orElseGet(() -> now.plus(backoffAfter(attempts)));
          (keyLimiter != null ? keyLimiter : limiter).pauseUntil(until);
          attempts.nextTry(Duration.between(now, until));
        }
        case Verdict.Retry retry -> {
          metrics.serverError();
          if (idempotency == Idempotency.NOT_IDEMPOTENT && !retry.notApplied()
              && !NOT_PROCESSED.contains(response.status())) {
            throw uncertain(request, "was answered HTTP " + response.status() + " (" + retry.reason() + ")", null);
          }
          attempts.failed(response.status(), retry.reason(), null);
          Instant until = retryAfter.orElseGet(() -> now.plus(backoffAfter(attempts)));
          waiter.sleepUntil(attempts.nextTry(Duration.between(now, until)));
        }
        case Verdict.QuotaExhausted quota -> {
          limiter.markQuotaExhausted(quota.reason(), quota.resetsAt());
          throw new QuotaExhaustedException(apiName, quota.reason(), quota.resetsAt());
        }
        case Verdict.Reject reject -> throw new ApiResponseException(apiName, response, reject.failureType(),
            reject.reason());
      }
    }
  }

  private Duration backoffAfter(Attempts attempts) {
    Duration delay = backoff.delay(attempts.count);
    metrics.backoff(delay);
    return delay;
  }

  private RateLimiter keyLimiter(Request request) {
    RateKey key = request.tag(RateKey.class);
    if (key == null) {
      return null;
    }
    if (keyed == null) {
      throw new IllegalStateException("request tagged with rate key " + key.value() + " but " + apiName
          + "'s client has no keyed limits");
    }
    return keyed.forKey(key.value());
  }

  /**
   * The permits of one attempt: the key's (if any) and the shared one. The response's rate-limit signal
   * teaches the key's limiter when there is one (its headers describe that endpoint or key), else the shared.
   */
  private record KeyedPermit(RateLimiter keyLimiter, Permit keyPermit, RateLimiter sharedLimiter, Permit shared) {
    /** The request is being written now: both grants count from this moment. */
    void sent() {
      if (keyPermit != null) {
        keyLimiter.sent(keyPermit);
      }
      sharedLimiter.sent(shared);
    }

    void complete(RateLimitSignal signal) {
      if (keyPermit != null) {
        keyLimiter.complete(keyPermit, signal);
        sharedLimiter.complete(shared, RateLimitSignal.none());
      } else {
        sharedLimiter.complete(shared, signal);
      }
    }
  }

  private DeliveryUncertainException uncertain(Request request, String what, Throwable cause) {
    metrics.uncertain();
    return new DeliveryUncertainException(apiName + " may have applied this record: " + request.method() + " "
        + request.url().encodedPath() + " " + what + " after the request was sent, and this request is not safe "
        + "to resend (it could write the record twice). Check " + apiName + " before sending the record again.",
        cause);
  }

  private ApiResponse send(Request request, Idempotency idempotency) throws IOException {
    OkHttpClient client = idempotency == Idempotency.IDEMPOTENT ? http : noSilentRetry;
    try (Response response = client.newCall(request).execute()) {
      ResponseBody body = response.body();
      byte[] bytes = body == null ? new byte[0] : body.bytes();
      if (response.isSuccessful()) {
        UnreadableAnswer.check(response.code(), body == null ? null : body.contentType(), bytes);
      }
      return new ApiResponse(request.method(), request.url().encodedPath(), response.code(), response.headers(),
          bytes, body == null ? null : body.contentType());
    }
  }

  /** Book-keeping of one {@code execute} call against the retry budget. */
  private final class Attempts {
    private final Request request;
    private Instant firstStart;
    private int count;
    private int lastStatus = -1;
    private String lastOutcome = "none";
    private Throwable lastError;

    Attempts(Request request) {
      this.request = request;
    }

    void started(Instant now) {
      if (firstStart == null) {
        firstStart = now;
      }
      count++;
    }

    void forgiveOne() {
      count--;
    }

    void failed(int status, String outcome, Throwable error) {
      lastStatus = status;
      lastOutcome = outcome;
      lastError = error;
    }

    /** The instant of the next try after {@code delay}, or a {@link RetriesExhaustedException}. */
    Instant nextTry(Duration delay) {
      Instant now = clock.instant();
      Instant next = now.plus(delay.isNegative() ? Duration.ZERO : delay);
      Instant deadline = firstStart.plus(retryPolicy.maxElapsed());
      if (count >= retryPolicy.maxAttempts() || next.isAfter(deadline)) {
        String why = count >= retryPolicy.maxAttempts() ? lastOutcome
            : lastOutcome + " (next try at " + next + " would pass the retry time budget of "
                + retryPolicy.maxElapsed() + ")";
        throw new RetriesExhaustedException(apiName, request.method(), request.url().encodedPath(), count,
            Duration.between(firstStart, now), lastStatus, why, lastError);
      }
      metrics.retry();
      return next;
    }

    String describe() {
      return apiName + " " + request.method() + " " + request.url().encodedPath();
    }
  }

  /** Assembles an {@link ApiClient}; only the API name and OkHttp client are required. */
  public static final class Builder {
    private final String apiName;
    private final OkHttpClient http;
    private RequestAuth auth = RequestAuth.none();
    private RateLimiter limiter;
    private KeyedRateLimiter keyed;
    private RateLimitSignalParser signals = RateLimitSignalParser.none();
    private ResponseClassifier classifier;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private Clock clock = Clock.systemUTC();
    private Waiter waiter;
    private RandomGenerator random = ThreadLocalRandom.current();

    private Builder(String apiName, OkHttpClient http) {
      this.apiName = Objects.requireNonNull(apiName, "apiName");
      this.http = Objects.requireNonNull(http, "http");
    }

    /** How requests are authorised (default: none). */
    public Builder auth(RequestAuth auth) {
      this.auth = Objects.requireNonNull(auth, "auth");
      return this;
    }

    /** The limiter shared by every client of this API in the sync (default: server signals only). */
    public Builder rateLimiter(RateLimiter limiter) {
      this.limiter = Objects.requireNonNull(limiter, "limiter");
      return this;
    }

    /**
     * Limits per key (a channel, an endpoint class) for requests tagged with a {@link RateKey}, on top of the
     * shared limiter (default: none; a tagged request then fails).
     */
    public Builder keyedRateLimits(KeyedRateLimiter keyed) {
      this.keyed = Objects.requireNonNull(keyed, "keyed");
      return this;
    }

    /** How rate-limit headers are read (default: not read). */
    public Builder signals(RateLimitSignalParser signals) {
      this.signals = Objects.requireNonNull(signals, "signals");
      return this;
    }

    /** How responses are classified (default: {@link ResponseClassifier#standard(RetryPolicy)}). */
    public Builder classifier(ResponseClassifier classifier) {
      this.classifier = Objects.requireNonNull(classifier, "classifier");
      return this;
    }

    /** Retry bounds and backoff (default: {@link RetryPolicy#defaults()}). */
    public Builder retryPolicy(RetryPolicy policy) {
      this.retryPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** Clock and waiter (default: system time); give the limiter the same ones. */
    public Builder time(Clock clock, Waiter waiter) {
      this.clock = Objects.requireNonNull(clock, "clock");
      this.waiter = Objects.requireNonNull(waiter, "waiter");
      return this;
    }

    /** Randomness for jitter (default: thread-local random). */
    public Builder random(RandomGenerator random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /** The client. */
    public ApiClient build() {
      return new ApiClient(this);
    }
  }
}
