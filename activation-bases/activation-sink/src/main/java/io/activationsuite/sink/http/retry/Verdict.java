package io.activationsuite.sink.http.retry;

import io.activationsuite.protocol.errors.FailureType;
import java.time.Instant;
import java.util.Objects;

/** What the executor does with one response, as decided by a {@link ResponseClassifier}. */
public sealed interface Verdict {

  /** Hand the response to the caller (success, or a partial success such as HTTP 207). */
  record Accept() implements Verdict {
  }

  /** A transient failure (5xx, 408): back off and retry this request only. */
  record Retry(String reason) implements Verdict {
  }

  /** The shared budget is exceeded (429): pause the whole limiter, then retry. */
  record Throttled(String reason) implements Verdict {
  }

  /** The credentials were refused (401): refresh them once and retry at once. */
  record RefreshAuth() implements Verdict {
  }

  /** A long-period quota is used up: stop; {@code resetsAt} may be null when unknown. */
  record QuotaExhausted(String reason, Instant resetsAt) implements Verdict {
    public QuotaExhausted {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** A final failure, returned to the caller as an exception carrying the response. */
  record Reject(FailureType failureType, String reason) implements Verdict {
    public Reject {
      Objects.requireNonNull(failureType, "failureType");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** {@link Accept}. */
  static Verdict accept() {
    return new Accept();
  }

  /** {@link Retry}. */
  static Verdict retry(String reason) {
    return new Retry(reason);
  }

  /** {@link Throttled}. */
  static Verdict throttled(String reason) {
    return new Throttled(reason);
  }

  /** {@link RefreshAuth}. */
  static Verdict refreshAuth() {
    return new RefreshAuth();
  }

  /** {@link QuotaExhausted}. */
  static Verdict quotaExhausted(String reason, Instant resetsAt) {
    return new QuotaExhausted(reason, resetsAt);
  }

  /** {@link Reject}. */
  static Verdict reject(FailureType failureType, String reason) {
    return new Reject(failureType, reason);
  }
}
