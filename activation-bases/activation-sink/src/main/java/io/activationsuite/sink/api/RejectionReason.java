package io.activationsuite.sink.api;

/** Why a record was rejected: a stable code users can filter on in the rejected-records files. */
public enum RejectionReason {
  /** The input line could not be read as a record. */
  MALFORMED_RECORD,
  /** The record's stream has no mapping or activation configuration (should be caught at start). */
  UNMAPPED_STREAM,
  /** A field the destination requires is missing or null. */
  MISSING_REQUIRED_FIELD,
  /** The matching key is missing, null or blank, so the record cannot be matched. */
  NULL_MATCHING_KEY,
  /** A value cannot be converted to the destination field's type. */
  INVALID_VALUE,
  /** A field the destination object does not have (only when unknown fields are refused). */
  UNKNOWN_FIELD,
  /** A text longer than the field allows. */
  VALUE_TOO_LONG,
  /** A value that is not one of the field's allowed options. */
  INVALID_OPTION,
  /** The record conflicts with an existing one (duplicate unique value). */
  DUPLICATE_KEY,
  /** The record to update or delete does not exist. */
  NOT_FOUND,
  /** The record is larger than the destination accepts in one request. */
  RECORD_TOO_LARGE,
  /** The API refused the record for another reason; see the message. */
  REFUSED_BY_API,
  /** The API kept answering that the record should be retried, beyond the retry budget. */
  RETRIES_EXHAUSTED,
  /**
   * A request that is not safe to resend (a create, an event, a message) failed after it was sent: the API
   * may have applied the record or not. It is not re-sent (that could write it twice); check the
   * destination before sending it again.
   */
  DELIVERY_UNCERTAIN,
  /**
   * A mapped value that a lookup turns into the destination's id (an owner's email into a user id) has no
   * match in the destination: the record is not written without it.
   */
  LOOKUP_NOT_FOUND
}
