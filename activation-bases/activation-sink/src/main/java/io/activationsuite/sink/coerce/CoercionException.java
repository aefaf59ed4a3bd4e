package io.activationsuite.sink.coerce;

import io.activationsuite.sink.api.RejectionReason;

/**
 * A value (or a whole record) that cannot be turned into what the destination accepts. It becomes a
 * rejected record, never a crash; it carries no stack trace because it is an expected, per-record outcome
 * and may be raised millions of times in a bad sync.
 */
public final class CoercionException extends Exception {
  private static final long serialVersionUID = 1L;
  private final RejectionReason reason;
  private final String field;

  public CoercionException(RejectionReason reason, String field, String message) {
    super(message, null, false, false);
    this.reason = reason;
    this.field = field;
  }

  public RejectionReason reason() {
    return reason;
  }

  /** The destination field at fault, or null when the record as a whole is. */
  public String field() {
    return field;
  }
}
