package io.activationsuite.protocol.errors;

/** An unexpected state the user cannot fix by configuration (a bug, a broken API contract). */
public class SystemErrorException extends ConnectorException {
  private static final long serialVersionUID = 1L;

  public SystemErrorException(String userMessage) {
    super(userMessage, null);
  }

  public SystemErrorException(String userMessage, Throwable cause) {
    super(userMessage, cause);
  }

  @Override
  public FailureType failureType() {
    return FailureType.SYSTEM_ERROR;
  }
}
