package io.activationsuite.destination.salesforce.write;

import io.activationsuite.destination.salesforce.http.ApiError;
import io.activationsuite.sink.api.RecordOutcome;
import io.activationsuite.sink.api.RejectionReason;
import java.util.Set;

/**
 * Maps a Salesforce per-record error code (a SaveResult {@code statusCode} or a bulk {@code sf__Error})
 * to a record outcome: a locked row or a transient server state is retried, everything else is a
 * rejection with the closest stable reason.
 */
public final class ErrorOutcomes {
  private static final Set<String> RETRYABLE = Set.of(
      "UNABLE_TO_LOCK_ROW", "SERVER_UNAVAILABLE", "REQUEST_RUNNING_TOO_LONG", "QUERY_TIMEOUT",
      "TXN_SECURITY_METERING_ERROR", "ALL_OR_NONE_OPERATION_ROLLED_BACK");

  private ErrorOutcomes() {}

  /** The outcome of one failed record. */
  public static RecordOutcome outcome(ApiError error) {
    if (RETRYABLE.contains(error.code())) {
      return RecordOutcome.retry(error.code() + ": " + error.message());
    }
    return RecordOutcome.rejected(reason(error.code(), error.firstField()), error.firstField(),
        error.code() + ": " + error.message(), null);
  }

  /**
   * The rejection reason of an error on {@code field} (null when the error names none): an id that points
   * at no record is NOT_FOUND for the record's own {@code Id}, but an invalid value for a lookup field.
   */
  public static RejectionReason reason(String code, String field) {
    if ("INVALID_CROSS_REFERENCE_KEY".equals(code) && field != null && !field.equalsIgnoreCase("Id")) {
      return RejectionReason.INVALID_VALUE;
    }
    return reason(code);
  }

  /** The rejection reason of a (non-retryable) error code that names no field. */
  public static RejectionReason reason(String code) {
    return switch (code) {
      case "REQUIRED_FIELD_MISSING" -> RejectionReason.MISSING_REQUIRED_FIELD;
      case "DUPLICATE_VALUE", "DUPLICATE_EXTERNAL_ID", "DUPLICATES_DETECTED", "DUPLICATE_USERNAME" ->
          RejectionReason.DUPLICATE_KEY;
      case "STRING_TOO_LONG", "TEXT_DATA_OUTSIDE_SUPPORTED_CHARSET_TOO_LONG" -> RejectionReason.VALUE_TOO_LONG;
      case "ENTITY_IS_DELETED", "NOT_FOUND", "INVALID_CROSS_REFERENCE_KEY", "INVALID_ID_FIELD",
           "ENTITY_IS_ARCHIVED" -> RejectionReason.NOT_FOUND;
      // an id of the wrong shape (an email into OwnerId): the value is wrong, not a missing record
      case "MALFORMED_ID" -> RejectionReason.INVALID_VALUE;
      case "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", "BAD_VALUE_FOR_RESTRICTED_PICKLIST" ->
          RejectionReason.INVALID_OPTION;
      case "INVALID_FIELD", "INVALID_FIELD_FOR_INSERT_UPDATE", "NO_SUCH_COLUMN" -> RejectionReason.UNKNOWN_FIELD;
      default -> code.startsWith("INVALID_") || code.contains("_TYPE") || code.equals("NUMBER_OUTSIDE_VALID_RANGE")
          || code.equals("FIELD_INTEGRITY_EXCEPTION")
          ? RejectionReason.INVALID_VALUE
          : RejectionReason.REFUSED_BY_API;
    };
  }
}
