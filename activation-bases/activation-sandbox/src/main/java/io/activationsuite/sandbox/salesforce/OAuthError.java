package io.activationsuite.sandbox.salesforce;

/**
 * A token-endpoint failure in Salesforce's OAuth shape: HTTP 400 (or 401) with
 * {@code {"error": "...", "error_description": "..."}}.
 */
public final class OAuthError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String error;

  public OAuthError(int status, String error, String description) {
    super(description);
    this.status = status;
    this.error = error;
  }

  public int status() {
    return status;
  }

  public String error() {
    return error;
  }

  public String description() {
    return getMessage();
  }
}
