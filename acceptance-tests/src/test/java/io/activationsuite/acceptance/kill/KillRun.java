package io.activationsuite.acceptance.kill;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.acceptance.harness.CommandResult;
import io.activationsuite.acceptance.harness.RecordingListener;
import io.activationsuite.acceptance.harness.RunningConnector;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.RequestLogEntry;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * One connector process of a kill trial: launched on a slice of the input, fed as the platform feeds it,
 * and either killed with SIGKILL at a {@link KillPoint} or left to finish. Waiting for a kill point polls
 * the process, its output and the sandbox every millisecond: this is a benchmark driver, not a test.
 */
final class KillRun {

  private static final Duration FINISH_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration TRIGGER_TIMEOUT = Duration.ofMinutes(3);

  private KillRun() {
  }

  /**
   * What one process did.
   *
   * @param result its exit code and output
   * @param killedAt when SIGKILL was sent, empty when the process ended before the kill point was reached
   * @param fedThrough how many records of the whole input had been written to its stdin (absolute index)
   * @param millis wall time from launch to exit
   */
  record Outcome(CommandResult result, Optional<Instant> killedAt, int fedThrough, long millis) {
  }

  /** Whether a logged request is a write (not a read, poll or login). */
  static boolean isWrite(RequestLogEntry entry) {
    String path = entry.path().toLowerCase(java.util.Locale.ROOT);
    return !entry.method().equals("GET") && !path.contains("oauth") && !path.contains("token")
        && !path.startsWith("/__sandbox");
  }

  /**
   * Runs {@code write} on {@code input} (whose records start at absolute index {@code firstRecord}), killing
   * it at {@code point} (null: run to the end).
   */
  static Outcome run(WriteStarter starter, ObjectNode config, String catalog, SyncInput input,
      KillPoint point, KillPoint.Calibration calibration, EmulatorServer sandbox,
      Optional<Predicate<EmulatorServer>> jobInFlight) throws InterruptedException {
    RecordingListener listener = new RecordingListener();
    AtomicInteger fed = new AtomicInteger(input.firstRecord());
    int holdAt = switch (point) {
      case KillPoint.AtRecord at -> at.offset();
      case KillPoint.HeldAfterState held -> held.offset();
      case null, default -> Integer.MAX_VALUE;
    };
    long writesBefore = sandbox.requests().entries().stream().filter(KillRun::isWrite).count();
    long start = System.nanoTime();
    try (RunningConnector run = starter.start(config, catalog, listener)) {
      Thread feeder = Thread.ofVirtual().start(() -> feed(run, input, holdAt, fed));
      Optional<Instant> killedAt = Optional.empty();
      if (point != null) {
        boolean reached = awaitPoint(point, run, listener, fed, holdAt, calibration, sandbox, jobInFlight,
            writesBefore, start);
        if (reached && run.isAlive()) {
          killedAt = Optional.of(Instant.now());
          run.kill();
        }
      }
      int exit;
      try {
        exit = run.waitFor(FINISH_TIMEOUT);
      } catch (TimeoutException e) {
        run.kill();
        throw new IllegalStateException("the connector did not finish within " + FINISH_TIMEOUT + ": "
            + listener.result(-1).describe(), e);
      }
      feeder.interrupt();
      feeder.join(Duration.ofSeconds(5));
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      return new Outcome(listener.result(exit), killedAt, fed.get(), millis);
    }
  }

  private static void feed(RunningConnector run, SyncInput input, int holdAt, AtomicInteger fed) {
    try {
      for (SyncInput.Line line : input.lines()) {
        if (line.recordIndex() >= holdAt) {
          run.flush();
          fed.set(holdAt);
          return; // stdin stays open: the source is still "reading"
        }
        run.writeLine(line.text());
        if (line.recordIndex() >= 0) {
          fed.set(line.recordIndex() + 1);
        }
      }
      run.closeStdin();
    } catch (IOException e) {
      // the process was killed while we were writing
    }
  }

  private static boolean awaitPoint(KillPoint point, RunningConnector run, RecordingListener listener,
      AtomicInteger fed, int holdAt, KillPoint.Calibration calibration, EmulatorServer sandbox,
      Optional<Predicate<EmulatorServer>> jobInFlight, long writesBefore, long start) {
    return switch (point) {
      case KillPoint.AfterDelay delay -> awaitWhileAlive(run,
          () -> System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(calibration.millisAt(delay.fraction())));
      case KillPoint.AtRecord at -> awaitWhileAlive(run, () -> fed.get() >= holdAt)
          && pause(run, at.delayMillis());
      case KillPoint.HeldAfterState held -> awaitWhileAlive(run, () -> fed.get() >= holdAt)
          && awaitWhileAlive(run, () -> !listener.result(0).states().isEmpty());
      case KillPoint.AfterWriteAnswer answer -> awaitWhileAlive(run, () -> sandbox.requests().entries().stream()
          .filter(KillRun::isWrite).count() - writesBefore >= calibration.requestsAt(answer.fraction()));
      case KillPoint.DuringJob job -> jobInFlight.isPresent()
          && awaitWhileAlive(run, () -> jobInFlight.get().test(sandbox)) && pause(run, job.delayMillis());
    };
  }

  private static boolean pause(RunningConnector run, long millis) {
    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    return awaitWhileAlive(run, () -> System.nanoTime() >= until);
  }

  /** Polls {@code condition} every millisecond; false when the process ended first or after the timeout. */
  private static boolean awaitWhileAlive(RunningConnector run, BooleanSupplier condition) {
    long deadline = System.nanoTime() + TRIGGER_TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      if (!run.isAlive() || System.nanoTime() > deadline) {
        return false;
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
    }
    return true;
  }

  /** Requests in flight at {@code instant}: arrived before it, answered (or dropped) after it. */
  static boolean requestInFlight(List<RequestLogEntry> entries, Instant instant) {
    return entries.stream().filter(e -> !e.path().startsWith("/__sandbox")).anyMatch(e ->
        !Instant.parse(e.startedAt()).isAfter(instant) && Instant.parse(e.completedAt()).isAfter(instant));
  }
}
