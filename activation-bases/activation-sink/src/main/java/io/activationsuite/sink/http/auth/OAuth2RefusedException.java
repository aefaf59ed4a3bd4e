package io.activationsuite.sink.http.auth;

import io.activationsuite.protocol.errors.ConfigErrorException;

/**
 * The token endpoint refused the credentials for good. Carries what the endpoint said - the HTTP status
 * and, when it answered in OAuth's shape, {@code error} and {@code error_description} (secrets scrubbed) -
 * so a connector can word vendor-specific advice without re-reading the response itself.
 */
public final class OAuth2RefusedException extends ConfigErrorException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String error;
  private final String errorDescription;

  OAuth2RefusedException(String userMessage, int status, String error, String errorDescription) {
    super(userMessage);
    this.status = status;
    this.error = error;
    this.errorDescription = errorDescription;
  }

  /** The HTTP status of the refusal. */
  public int status() {
    return status;
  }

  /** OAuth's {@code error} code, or null when the answer was not in OAuth's shape (wrong URL...). */
  public String error() {
    return error;
  }

  /** OAuth's {@code error_description} with secrets scrubbed, or null. */
  public String errorDescription() {
    return errorDescription;
  }
}
