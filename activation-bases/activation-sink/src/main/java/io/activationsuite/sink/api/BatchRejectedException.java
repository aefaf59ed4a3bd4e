package io.activationsuite.sink.api;

/**
 * The API refused a whole batch for a reason that may concern only some of its records (HTTP 400,
 * 409...) and gave no per-record results. The engine narrows it down by splitting the batch, so that
 * good records still land and only the faulty ones are rejected with this message.
 */
public class BatchRejectedException extends Exception {
  private static final long serialVersionUID = 1L;
  private final int httpStatus;
  private final RejectionReason reason;

  public BatchRejectedException(int httpStatus, RejectionReason reason, String apiMessage) {
    super(apiMessage);
    this.httpStatus = httpStatus;
    this.reason = reason;
  }

  public int httpStatus() {
    return httpStatus;
  }

  public RejectionReason reason() {
    return reason;
  }
}
