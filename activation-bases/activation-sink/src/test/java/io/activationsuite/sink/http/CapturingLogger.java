package io.activationsuite.sink.http;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** An slf4j logger that keeps every formatted line, so tests can assert on real log output. */
public final class CapturingLogger extends LegacyAbstractLogger {
  private static final long serialVersionUID = 1L;

  private final List<String> lines = new CopyOnWriteArrayList<>();

  public CapturingLogger() {
    this.name = "capture";
  }

  public String output() {
    return String.join("\n", lines);
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  protected void handleNormalizedLoggingCall(Level level, Marker marker, String messagePattern, Object[] arguments,
      Throwable throwable) {
    lines.add(level + " " + MessageFormatter.basicArrayFormat(messagePattern, arguments));
  }

  @Override
  public boolean isTraceEnabled() {
    return true;
  }

  @Override
  public boolean isDebugEnabled() {
    return true;
  }

  @Override
  public boolean isInfoEnabled() {
    return true;
  }

  @Override
  public boolean isWarnEnabled() {
    return true;
  }

  @Override
  public boolean isErrorEnabled() {
    return true;
  }
}
