package io.activationsuite.localsync;

/**
 * A problem the user can fix (a missing file, a typo in a sync file, a SQL error in a stream's query):
 * printed as its message alone, never with a stack trace.
 */
public final class UserError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UserError(String message) {
    super(message);
  }

  public UserError(String message, Throwable cause) {
    super(message, cause);
  }
}
