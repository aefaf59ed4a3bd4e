package io.activationsuite.sink.http;

import java.util.Objects;
import okhttp3.Request;

/**
 * The key of the budget a request draws from, besides the API's shared one: a Slack channel id, a Braze
 * endpoint class. Tag a request with {@link #mark}; {@link ApiClient} then waits for a permit of that key's
 * limiter in its {@link io.activationsuite.sink.http.ratelimit.KeyedRateLimiter}, pauses only that key on a
 * throttle answer, and feeds it the response's rate-limit headers.
 *
 * @param value the key
 */
public record RateKey(String value) {

  public RateKey {
    Objects.requireNonNull(value, "value");
  }

  /** The key {@code value}. */
  public static RateKey of(String value) {
    return new RateKey(value);
  }

  /** {@code request} tagged with this key. */
  public Request mark(Request request) {
    return request.newBuilder().tag(RateKey.class, this).build();
  }
}
