package io.activationsuite.protocol.errors;

/** The destination is temporarily unable to take more (quota, outage): a later sync may succeed. */
public class TransientErrorException extends ConnectorException {
  private static final long serialVersionUID = 1L;

  public TransientErrorException(String userMessage) {
    super(userMessage, null);
  }

  public TransientErrorException(String userMessage, Throwable cause) {
    super(userMessage, cause);
  }

  @Override
  public FailureType failureType() {
    return FailureType.TRANSIENT_ERROR;
  }
}
