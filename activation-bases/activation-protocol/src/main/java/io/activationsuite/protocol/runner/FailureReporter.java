package io.activationsuite.protocol.runner;

import io.activationsuite.protocol.errors.ConnectorException;
import io.activationsuite.protocol.errors.FailureType;
import io.activationsuite.protocol.io.ProtocolOutput;
import io.activationsuite.protocol.model.StreamDescriptor;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;

/** Classifies a failure into config / transient / system error and writes the TRACE a user can act on. */
public final class FailureReporter {
  private final ProtocolOutput output;

  public FailureReporter(ProtocolOutput output) {
    this.output = output;
  }

  /** The failure class of any throwable. */
  public static FailureType classify(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof ConnectorException connectorException) {
        return connectorException.failureType();
      }
    }
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof IOException
          || t instanceof UncheckedIOException
          || t instanceof TimeoutException
          || t instanceof HttpTimeoutException) {
        return FailureType.TRANSIENT_ERROR;
      }
    }
    return FailureType.SYSTEM_ERROR;
  }

  /** The user-facing message: the connector's own words when it gave some. */
  public static String userMessage(Throwable error, String context) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof ConnectorException connectorException) {
        return connectorException.userMessage();
      }
    }
    return switch (classify(error)) {
      case TRANSIENT_ERROR -> context + " failed because of a network or I/O problem; retry the sync. ("
          + error.getClass().getSimpleName() + ")";
      default -> context + " failed with an unexpected error: " + error.getClass().getSimpleName()
          + (error.getMessage() == null ? "" : ": " + error.getMessage())
          + ". This is likely a bug; please report it with the logs.";
    };
  }

  /** Writes the TRACE ERROR for {@code error}. */
  public void report(Throwable error, String context, StreamDescriptor stream) {
    output.traceError(classify(error), userMessage(error, context), error.toString(), stackTrace(error), stream);
  }

  /** Writes a TRACE ERROR that is not caused by an exception. */
  public void report(FailureType type, String message, String internal, StreamDescriptor stream) {
    output.traceError(type, message, internal, null, stream);
  }

  static String stackTrace(Throwable error) {
    StringWriter writer = new StringWriter();
    error.printStackTrace(new PrintWriter(writer));
    return writer.toString();
  }
}
