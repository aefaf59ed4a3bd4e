package io.activationsuite.protocol.errors;

/**
 * Base of every failure a connector raises on purpose: it carries the failure class and a message a
 * user can act on, so the runner can turn it into an Airbyte TRACE error without guessing.
 */
public abstract class ConnectorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected ConnectorException(String userMessage, Throwable cause) {
    super(userMessage, cause);
  }

  /** Which class of failure this is for the platform. */
  public abstract FailureType failureType();

  /** The message shown to the user: says what went wrong and what to do. */
  public String userMessage() {
    return getMessage();
  }
}
