package io.activationsuite.sink.http.ratelimit;

import io.activationsuite.sink.http.ApiResponse;
import java.time.Instant;

/**
 * Reads an API's rate-limit headers (or body) into a {@link RateLimitSignal}. Connectors pick one of
 * {@link RateLimitHeaders} or supply their own; parsers must tolerate missing and malformed values.
 */
@FunctionalInterface
public interface RateLimitSignalParser {

  /** The signal in {@code response}, read at {@code now}; {@link RateLimitSignal#none()} when absent. */
  RateLimitSignal parse(ApiResponse response, Instant now);

  /** A parser that reports nothing. */
  static RateLimitSignalParser none() {
    return (response, now) -> RateLimitSignal.none();
  }

  /** Combines parsers: fields reported by this one win, the other fills the gaps. */
  default RateLimitSignalParser and(RateLimitSignalParser other) {
    return (response, now) -> parse(response, now).orElse(other.parse(response, now));
  }
}
