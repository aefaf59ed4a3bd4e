package io.activationsuite.sandbox.salesforce;

/**
 * A request-level failure, rendered as Salesforce's REST error array
 * {@code [{"message": "...", "errorCode": "..."}]} with the given HTTP status.
 */
public final class SalesforceApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String errorCode;

  public SalesforceApiException(int status, String errorCode, String message) {
    super(message);
    this.status = status;
    this.errorCode = errorCode;
  }

  public int status() {
    return status;
  }

  public String errorCode() {
    return errorCode;
  }

  /** 404 for an unknown resource or record. */
  public static SalesforceApiException notFound() {
    return new SalesforceApiException(404, "NOT_FOUND", "The requested resource does not exist");
  }

  /** 400 for a request body that is not what the resource expects. */
  public static SalesforceApiException badRequest(String errorCode, String message) {
    return new SalesforceApiException(400, errorCode, message);
  }
}
