package io.activationsuite.sandbox.salesforce;

import java.util.List;

/**
 * One per-record error as Salesforce reports it in SaveResults ({@code statusCode, message, fields}) and,
 * flattened, in Bulk {@code sf__Error} cells.
 *
 * @param statusCode error code
 * @param message human-readable message
 * @param fields affected field names (may be empty)
 */
public record SaveError(StatusCode statusCode, String message, List<String> fields) {

  /** Defensive copy. */
  public SaveError {
    fields = List.copyOf(fields);
  }

  public static SaveError of(StatusCode code, String message, String... fields) {
    return new SaveError(code, message, List.of(fields));
  }

  /** The Bulk API 2.0 {@code sf__Error} text: {@code CODE:message:Field1,Field2 --}. */
  public String toBulkCell() {
    return statusCode + ":" + message + ":" + String.join(",", fields) + " --";
  }
}
