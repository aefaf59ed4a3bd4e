package io.activationsuite.acceptance.harness;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.localsync.launch.ConnectorOutputListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Keeps everything a connector prints (test runs are small) and lets a test wait, with a timeout, until
 * the output satisfies a condition (e.g. two STATEs echoed) - the synchronisation the kill test needs.
 */
public final class RecordingListener implements ConnectorOutputListener {

  private final List<ObjectNode> messages = new ArrayList<>();
  private final List<String> nonJson = new ArrayList<>();
  private final List<String> stderr = new ArrayList<>();

  @Override
  public synchronized void onMessage(ObjectNode message) {
    messages.add(message);
    notifyAll();
  }

  @Override
  public synchronized void onNonJsonLine(String line) {
    nonJson.add(line);
  }

  @Override
  public synchronized void onStderrLine(String line) {
    stderr.add(line);
  }

  /** Waits until the messages so far satisfy {@code condition}; false on timeout. */
  public synchronized boolean awaitMessages(Predicate<List<ObjectNode>> condition, long timeout, TimeUnit unit)
      throws InterruptedException {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    while (!condition.test(messages)) {
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, remaining);
    }
    return true;
  }

  /** The result so far, with {@code exitCode}. */
  public synchronized CommandResult result(int exitCode) {
    return new CommandResult(exitCode, new ArrayList<>(messages), new ArrayList<>(nonJson), new ArrayList<>(stderr));
  }
}
