package io.activationsuite.sink.http.retry;

import io.activationsuite.protocol.errors.FailureType;
import java.time.Instant;
import java.util.Objects;

/** What the executor does with one response, as decided by a {@link ResponseClassifier}. */
public sealed interface Verdict {

  /** Hand the response to the caller (success, or a partial success such as HTTP 207). */
  record Accept() implements Verdict {
  }

  /**
   * A transient failure (5xx, 408): back off and retry this request only. {@code notApplied} says the
   * answer guarantees the API did not process the request (a lock, a maintenance answer), so even a
   * non-idempotent request may be resent; otherwise only an idempotent one is.
   */
  record Retry(String reason, boolean notApplied) implements Verdict {
    /** A retry whose answer does not say whether the request was applied. */
    public Retry(String reason) {
      this(reason, false);
    }
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

  /** {@link Retry} for an answer saying the request was not processed. */
  static Verdict retryNotApplied(String reason) {
    return new Retry(reason, true);
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
