package io.activationsuite.sink.rejected;

/**
 * Why a record was rejected: the fixed taxonomy written in the {@code reason} column of the rejected-records
 * files, so users can filter and count rejections without parsing API messages. Every code means "the sync
 * went on without this record"; none of them is a sync failure.
 */
public enum RejectReason {
  /** The record could not be read at all (not an object, not valid JSON, missing {@code data}). */
  MALFORMED_RECORD,
  /** The record's stream is not in the configured catalog or has no destination object. */
  UNMAPPED_STREAM,
  /** A field the destination operation requires is absent. */
  MISSING_REQUIRED_FIELD,
  /** A matching key (the field used to find the target object) is null or absent. */
  NULL_MATCHING_KEY,
  /** A value could not be converted to the destination field's type (date, number, boolean...). */
  INVALID_VALUE,
  /** The record carries a field the destination object does not have. */
  UNKNOWN_FIELD,
  /** A value is longer than the destination field allows. */
  VALUE_TOO_LONG,
  /** A value is not one of the options of a picklist / enumeration field. */
  INVALID_OPTION,
  /** Another record of the same batch, or an existing object, already has this matching key. */
  DUPLICATE_KEY,
  /** The object to update or delete does not exist in the destination. */
  NOT_FOUND,
  /** The destination refused the record for a reason it did not classify (read {@code message}). */
  REFUSED_BY_API,
  /** The record alone exceeds the largest request or row size the destination accepts. */
  RECORD_TOO_LARGE,
  /** The record kept failing with a retryable per-record error until its retry budget ran out. */
  RETRIES_EXHAUSTED_FOR_RECORD
}
