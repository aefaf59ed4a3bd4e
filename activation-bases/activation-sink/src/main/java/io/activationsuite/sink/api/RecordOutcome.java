package io.activationsuite.sink.api;

/** What the API said about one record of a batch. */
public sealed interface RecordOutcome {

  /** Written. {@code destinationId} is the id the API gave it, when known. */
  record Accepted(String destinationId) implements RecordOutcome {}

  /** Refused for good: becomes a rejected record with this reason and the API's message. */
  record Rejected(RejectionReason reason, String field, String message, Integer httpStatus)
      implements RecordOutcome {}

  /** Not written this time but worth another try (a locked row, a per-record transient error). */
  record Retry(String message) implements RecordOutcome {}

  static RecordOutcome accepted(String destinationId) {
    return new Accepted(destinationId);
  }

  static RecordOutcome rejected(RejectionReason reason, String field, String message, Integer httpStatus) {
    return new Rejected(reason, field, message, httpStatus);
  }

  static RecordOutcome retry(String message) {
    return new Retry(message);
  }
}
