package io.activationsuite.sink.http;

import io.activationsuite.protocol.errors.TransientErrorException;
import java.time.Duration;

/** The retry budget (attempts or total time) ran out before the API answered successfully. */
public class RetriesExhaustedException extends TransientErrorException {
  private static final long serialVersionUID = 1L;

  private final int attempts;
  private final int lastStatus;

  public RetriesExhaustedException(String apiName, String method, String path, int attempts, Duration elapsed,
      int lastStatus, String lastOutcome, Throwable cause) {
    super(apiName + " API: gave up on " + method + " " + path + " after " + attempts + " attempt(s) over "
        + format(elapsed) + "; last outcome: " + lastOutcome
        + ". The service is throttling or unavailable; the sync can be retried later.", cause);
    this.attempts = attempts;
    this.lastStatus = lastStatus;
  }

  /** Attempts made. */
  public int attempts() {
    return attempts;
  }

  /** The last HTTP status seen, or -1 when the last attempt failed without a response. */
  public int lastStatus() {
    return lastStatus;
  }

  private static String format(Duration elapsed) {
    long seconds = elapsed.toSeconds();
    return seconds >= 60 ? seconds / 60 + " min " + seconds % 60 + " s" : elapsed.toMillis() + " ms";
  }
}
