package io.activationsuite.acceptance.harness;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * One started connector command, whatever runs it (a container through Testcontainers, or a jar as a
 * process): feed its stdin, wait for it, or SIGKILL it mid-sync. Its output goes to the listener given at
 * start. Close it to kill a still running connector and remove what it left (container, temp files).
 */
public interface RunningConnector extends AutoCloseable {

  /** Writes one message line to the connector's stdin (buffered). */
  void writeLine(String line) throws IOException;

  /** Sends what was written so far to the connector (the sync goes on; stdin stays open). */
  void flush() throws IOException;

  /** Flushes and closes stdin: the end of the input. Ignores a connector that has already exited. */
  void closeStdin();

  /** Whether the connector is still running. */
  boolean isAlive();

  /**
   * Waits until the connector has exited and all its output has been delivered.
   *
   * @return the exit code
   * @throws TimeoutException when that takes longer than {@code timeout} (the connector keeps running)
   */
  int waitFor(Duration timeout) throws InterruptedException, TimeoutException;

  /** Kills the connector at once with SIGKILL (for a container, the container itself). */
  void kill();

  /** Kills the connector if still running and removes what it left. */
  @Override
  void close();
}
