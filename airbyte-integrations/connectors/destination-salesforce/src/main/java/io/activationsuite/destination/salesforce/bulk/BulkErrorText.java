package io.activationsuite.destination.salesforce.bulk;

import io.activationsuite.destination.salesforce.http.ApiError;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code sf__Error} cell of a failed bulk result row, shaped
 * {@code CODE:message:Field1,Field2 --} (fields and the trailing {@code --} optional).
 */
public final class BulkErrorText {

  private BulkErrorText() {}

  /** The error of one failed row. */
  public static ApiError parse(String text) {
    String value = text == null ? "" : text.strip();
    if (value.endsWith("--")) {
      value = value.substring(0, value.length() - 2).strip();
    }
    int colon = value.indexOf(':');
    if (colon < 0) {
      return new ApiError(value.matches("[A-Z_]+") ? value : "UNKNOWN", value, List.of());
    }
    String code = value.substring(0, colon).strip();
    String rest = value.substring(colon + 1);
    List<String> fields = new ArrayList<>();
    int last = rest.lastIndexOf(':');
    if (last >= 0) {
      String tail = rest.substring(last + 1).strip();
      if (!tail.isEmpty() && tail.matches("[A-Za-z0-9_]+(\\s*,\\s*[A-Za-z0-9_]+)*")) {
        for (String field : tail.split(",")) {
          fields.add(field.strip());
        }
        rest = rest.substring(0, last);
      }
    }
    return new ApiError(code, rest.strip(), fields);
  }
}
