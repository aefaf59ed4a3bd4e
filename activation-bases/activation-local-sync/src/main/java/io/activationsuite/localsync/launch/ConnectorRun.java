package io.activationsuite.localsync.launch;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One running connector process: its stdin for {@code write}, its stdout lines dispatched to a
 * {@link ConnectorOutputListener} as they arrive (JSON objects as messages, anything else as text),
 * its stderr kept as a bounded tail, its exit code, forced termination and the cleanup of its files.
 * Close it (try-with-resources) to kill a still running connector and delete its temp files.
 */
public final class ConnectorRun implements AutoCloseable {

  /** Characters of stderr and of non-JSON stdout kept for error reports. */
  public static final int TAIL_CHARS = 64 * 1024;

  private final String description;
  private final Process process;
  private final ConnectorOutputDispatcher output;
  private final Consumer<Process> forceKill;
  private final ConnectorFiles files;
  private final BufferedWriter stdin;
  private final BoundedTextBuffer stderrTail = new BoundedTextBuffer(TAIL_CHARS);
  private final BoundedTextBuffer nonJsonTail = new BoundedTextBuffer(TAIL_CHARS);
  private final Thread stdoutReader;
  private final Thread stderrReader;

  private ConnectorRun(String description, Process process, ConnectorOutputListener listener,
      Consumer<Process> forceKill, ConnectorFiles files) {
    this.description = description;
    this.process = process;
    this.forceKill = forceKill;
    this.files = files;
    this.output = new ConnectorOutputDispatcher(listener, this::kill);
    this.stdin = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
    this.stdoutReader = reader("stdout", process.getInputStream(), this::dispatchStdout);
    this.stderrReader = reader("stderr", process.getErrorStream(), this::dispatchStderr);
  }

  /**
   * Starts {@code builder}'s process and its output readers. For commands that read no stdin, stdin
   * is closed at once so a connector waiting for input sees end-of-file.
   */
  static ConnectorRun start(String description, ProcessBuilder builder, ConnectorCommand command,
      ConnectorOutputListener listener, Consumer<Process> forceKill, ConnectorFiles files) {
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      files.close();
      throw new ConnectorLaunchException("cannot start " + description + ": " + e.getMessage(), e);
    }
    ConnectorRun run = new ConnectorRun(description, process, listener, forceKill, files);
    run.stdoutReader.start();
    run.stderrReader.start();
    if (!command.readsStdin()) {
      run.closeStdin();
    }
    return run;
  }

  /**
   * Where to write messages for {@code write}, one JSON object per line; close it (or call
   * {@link #closeStdin}) at the end of the input.
   */
  public BufferedWriter stdin() {
    return stdin;
  }

  /** Writes one message line to the connector's stdin (buffered; flushed by {@link #closeStdin}). */
  public void writeLine(String line) throws IOException {
    stdin.write(line);
    stdin.write('\n');
  }

  /** Flushes and closes stdin: the end of the input. Ignores a connector that has already exited. */
  public void closeStdin() {
    try {
      stdin.close();
    } catch (IOException e) {
      // The connector exited or closed its stdin: its exit code and messages tell why.
    }
  }

  /** Whether the connector is still running. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Waits until the connector has exited and all its output has been dispatched.
   *
   * @return the exit code
   * @throws TimeoutException when that takes longer than {@code timeout} (the connector keeps running)
   * @throws ConnectorLaunchException when the output listener failed (the connector was then killed)
   */
  public int waitFor(Duration timeout) throws InterruptedException, TimeoutException {
    long deadline = System.nanoTime() + timeout.toNanos();
    if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
      throw new TimeoutException(description + " still running after " + timeout);
    }
    for (Thread reader : new Thread[] {stdoutReader, stderrReader}) {
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0 || !reader.join(Duration.ofNanos(remaining))) {
        throw new TimeoutException(description + " exited but its output was not consumed within " + timeout);
      }
    }
    if (output.failure().isPresent()) {
      throw new ConnectorLaunchException("the output listener of " + description + " failed", output.failure().get());
    }
    return process.exitValue();
  }

  /** Kills the connector at once (SIGKILL; for a container, of the container itself). */
  public void kill() {
    if (process.isAlive()) {
      forceKill.accept(process);
    }
  }

  /** The last lines the connector wrote to stderr (at most {@link #TAIL_CHARS} characters). */
  public String stderrTail() {
    return stderrTail.text();
  }

  /** The last stdout lines that were not JSON objects (at most {@link #TAIL_CHARS} characters). */
  public String nonJsonStdoutTail() {
    return nonJsonTail.text();
  }

  /** Kills the connector if still running, waits for its readers and deletes its temp files. */
  @Override
  public void close() {
    kill();
    closeStdin();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
      stdoutReader.join(Duration.ofSeconds(5));
      stderrReader.join(Duration.ofSeconds(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      files.close();
    }
  }

  @Override
  public String toString() {
    return description;
  }

  private Thread reader(String stream, InputStream input, Consumer<String> dispatch) {
    return Thread.ofPlatform().daemon().name(description + " " + stream).unstarted(() -> {
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          dispatch.accept(line);
        }
      } catch (IOException e) {
        stderrTail.add("[" + stream + " of the connector unreadable: " + e.getMessage() + "]");
      }
    });
  }

  private void dispatchStdout(String line) {
    if (!output.stdout(line)) {
      nonJsonTail.add(line);
    }
  }

  private void dispatchStderr(String line) {
    stderrTail.add(line);
    output.stderr(line);
  }
}
