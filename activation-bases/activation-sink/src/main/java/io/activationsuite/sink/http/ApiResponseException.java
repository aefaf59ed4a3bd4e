package io.activationsuite.sink.http;

import io.activationsuite.protocol.errors.ConnectorException;
import io.activationsuite.protocol.errors.FailureType;

/**
 * A final, non-retriable answer from an API (e.g. 400/409 for a batch, 403 for missing scopes). Carries
 * the whole {@link ApiResponse} (status, headers, body) so the engine can narrow a failing batch and
 * isolate bad records; the request and its credentials are not kept. Uncaught, it fails the sync with
 * the failure type the classifier chose.
 */
public class ApiResponseException extends ConnectorException {
  private static final long serialVersionUID = 1L;
  private static final int BODY_SNIPPET_CHARS = 500;

  private final transient ApiResponse response;
  private final FailureType failureType;

  public ApiResponseException(String apiName, ApiResponse response, FailureType failureType, String reason) {
    super(apiName + " API: " + response.method() + " " + response.path() + " failed: " + reason
        + snippet(response), null);
    this.response = response;
    this.failureType = failureType;
  }

  /** The response, body included. */
  public ApiResponse response() {
    return response;
  }

  /** The HTTP status. */
  public int status() {
    return response.status();
  }

  @Override
  public FailureType failureType() {
    return failureType;
  }

  private static String snippet(ApiResponse response) {
    String body = response.bodyString().strip();
    return body.isEmpty() ? "" : ": " + Redactor.snippet(body, BODY_SNIPPET_CHARS);
  }
}
