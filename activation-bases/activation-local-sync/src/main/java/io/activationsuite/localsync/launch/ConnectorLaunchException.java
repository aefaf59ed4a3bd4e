package io.activationsuite.localsync.launch;

/**
 * Starting a connector, talking to it or cleaning up after it failed for a reason of the platform side
 * (missing binary, unwritable temp directory, a failing output listener), as opposed to the connector
 * reporting an error, which shows in its messages and exit code.
 */
public class ConnectorLaunchException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** A failure with its cause. */
  public ConnectorLaunchException(String message, Throwable cause) {
    super(message, cause);
  }

  /** A failure without an underlying exception. */
  public ConnectorLaunchException(String message) {
    super(message);
  }
}
