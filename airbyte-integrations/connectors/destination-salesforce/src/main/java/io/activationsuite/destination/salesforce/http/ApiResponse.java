package io.activationsuite.destination.salesforce.http;

import java.util.List;

/** A Salesforce answer the transport did not handle itself: its status and body text. */
public record ApiResponse(int status, String body) {

  /** Whether the status is 2xx. */
  public boolean ok() {
    return status >= 200 && status < 300;
  }

  /** The error entries of the body (empty when it is not an error list). */
  public List<ApiError> errors() {
    return ApiError.parseBody(body);
  }

  /** A short description for exception messages: status and first error. */
  public String describe() {
    List<ApiError> errors = errors();
    if (errors.isEmpty()) {
      String text = body == null ? "" : body.strip();
      return "HTTP " + status + (text.isEmpty() ? "" : ": " + (text.length() > 300 ? text.substring(0, 300) : text));
    }
    ApiError first = errors.get(0);
    return "HTTP " + status + " " + first.code() + ": " + first.message();
  }
}
