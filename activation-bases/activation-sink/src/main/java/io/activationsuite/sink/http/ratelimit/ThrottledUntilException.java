package io.activationsuite.sink.http.ratelimit;

import io.activationsuite.protocol.errors.TransientErrorException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * A {@link ThrottledRead} gave up: the vendor's rate limit resets later than the read may wait. A transient
 * (system) error whose message names the read and the instant after which a sync can succeed.
 */
public class ThrottledUntilException extends TransientErrorException {
  private static final long serialVersionUID = 1L;

  private final transient Instant reset;

  /** {@code apiName} throttles {@code what} until {@code reset}, beyond the {@code bound} the read waits. */
  public ThrottledUntilException(String apiName, String what, Instant reset, Duration bound) {
    super(apiName + " rate limits the request to " + what + " until " + format(reset) + ", longer than the "
        + bound.toSeconds() + " s a sync waits for it. Retry the sync after " + format(reset) + ".");
    this.reset = reset;
  }

  /** When the vendor's limit resets. */
  public Instant reset() {
    return reset;
  }

  /** {@code instant} as ISO 8601 to the second, as the error messages print it. */
  public static String format(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }
}
