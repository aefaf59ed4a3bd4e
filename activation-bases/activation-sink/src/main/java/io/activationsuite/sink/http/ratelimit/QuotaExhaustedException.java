package io.activationsuite.sink.http.ratelimit;

import io.activationsuite.protocol.errors.TransientErrorException;
import java.time.Instant;
import java.util.Optional;

/**
 * The API's daily (or otherwise long-period) quota is used up: retrying now is pointless. Carries when
 * the quota resets, if known, so the engine can stop cleanly, commit what was written and tell the
 * user when a new sync can proceed.
 */
public class QuotaExhaustedException extends TransientErrorException {
  private static final long serialVersionUID = 1L;

  private final String apiName;
  private final transient Instant resetsAt;

  public QuotaExhaustedException(String apiName, String reason, Instant resetsAt) {
    super(apiName + " API quota exhausted (" + reason + "); it resets "
        + (resetsAt == null ? "at an unknown time (rolling allocation)" : "at " + resetsAt)
        + ". Run the sync again after the reset, or lower the connector's request budget so it leaves room for "
        + "other integrations.");
    this.apiName = apiName;
    this.resetsAt = resetsAt;
  }

  /** Which API ran out. */
  public String apiName() {
    return apiName;
  }

  /** When the quota resets, if known. */
  public Optional<Instant> resetsAt() {
    return Optional.ofNullable(resetsAt);
  }
}
