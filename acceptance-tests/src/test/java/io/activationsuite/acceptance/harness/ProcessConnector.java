package io.activationsuite.acceptance.harness;

import io.activationsuite.localsync.launch.ConnectorRun;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/** A connector jar running as a local process (jar mode): the local runner's {@link ConnectorRun}. */
final class ProcessConnector implements RunningConnector {

  private final ConnectorRun run;

  ProcessConnector(ConnectorRun run) {
    this.run = run;
  }

  @Override
  public void writeLine(String line) throws IOException {
    run.writeLine(line);
  }

  @Override
  public void flush() throws IOException {
    run.stdin().flush();
  }

  @Override
  public void closeStdin() {
    run.closeStdin();
  }

  @Override
  public boolean isAlive() {
    return run.isAlive();
  }

  @Override
  public int waitFor(Duration timeout) throws InterruptedException, TimeoutException {
    return run.waitFor(timeout);
  }

  @Override
  public void kill() {
    run.kill();
  }

  @Override
  public void close() {
    run.close();
  }

  @Override
  public String toString() {
    return run.toString();
  }
}
