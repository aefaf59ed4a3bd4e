package io.activationsuite.destination.zendesk;

import io.activationsuite.sink.api.JobLimits;
import io.activationsuite.sink.api.JobProgress;
import io.activationsuite.sink.api.JobWriter;
import io.activationsuite.sink.api.OutboundRecord;
import io.activationsuite.sink.api.RecordOutcome;
import io.activationsuite.sink.api.Submission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;

/**
 * Runs {@link JobWriter} jobs for every writer of a session until the engine drives the jobs SPI itself:
 * at most {@link JobLimits#maxJobsInFlight()} jobs submitted and unfinished at once (an account-wide cap),
 * and ONE poller thread that asks about up to {@link JobLimits#maxJobsPerPoll()} running jobs per call, so
 * polls cost one request per interval instead of one per job. Nothing vendor-specific: it belongs in the
 * engine's job runner and should move there.
 *
 * @param <J> the job handle
 */
public final class JobRunner<J> implements AutoCloseable {

  /** Asks about the progress of several jobs in one call. */
  @FunctionalInterface
  public interface Poller<J> {
    List<JobProgress> poll(List<J> jobs) throws Exception;
  }

  private final JobLimits limits;
  private final Duration interval;
  private final Poller<J> poller;
  private final Semaphore slots;
  private final Map<J, CompletableFuture<Void>> running = new LinkedHashMap<>();
  private final Thread thread;
  private volatile boolean closed;

  /** A runner polling every {@code interval}. */
  public JobRunner(JobLimits limits, Duration interval, Poller<J> poller) {
    this.limits = limits;
    this.interval = interval;
    this.poller = poller;
    this.slots = new Semaphore(limits.maxJobsInFlight(), true);
    this.thread = Thread.ofPlatform().daemon().name("zendesk-job-poller").start(this::loop);
  }

  /** Submits the batch through {@code writer}, waits for its job, and returns the outcomes in input order. */
  public List<RecordOutcome> run(JobWriter<J> writer, List<OutboundRecord> batch) throws Exception {
    slots.acquire();
    try {
      Submission<J> submission = writer.submit(batch);
      if (submission instanceof Submission.Finished<J> finished) {
        return finished.outcomes();
      }
      J job = ((Submission.Started<J>) submission).job();
      CompletableFuture<Void> done = new CompletableFuture<>();
      synchronized (running) {
        running.put(job, done);
        running.notifyAll();
      }
      try {
        done.get(limits.schedule().timeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
      } catch (ExecutionException e) {
        throw e.getCause() instanceof Exception cause ? cause : e;
      } catch (java.util.concurrent.TimeoutException e) {
        writer.abandon(job);
        throw new io.activationsuite.protocol.errors.TransientErrorException("A Zendesk job was still running after "
            + limits.schedule().timeout().toMinutes() + " minutes; the next sync resumes from the last checkpoint.");
      } finally {
        synchronized (running) {
          running.remove(job);
        }
      }
      return writer.results(job, batch);
    } finally {
      slots.release();
    }
  }

  private void loop() {
    while (!closed) {
      List<J> due;
      try {
        synchronized (running) {
          while (running.isEmpty() && !closed) {
            running.wait();
          }
        }
        Thread.sleep(interval.toMillis());
        synchronized (running) {
          due = new ArrayList<>(running.keySet()).subList(0, Math.min(running.size(), limits.maxJobsPerPoll()));
          due = new ArrayList<>(due);
        }
      } catch (InterruptedException e) {
        return;
      }
      if (due.isEmpty()) {
        continue;
      }
      try {
        List<JobProgress> progress = poller.poll(due);
        synchronized (running) {
          for (int i = 0; i < due.size(); i++) {
            if (progress.get(i) == JobProgress.FINISHED) {
              CompletableFuture<Void> done = running.remove(due.get(i));
              if (done != null) {
                done.complete(null);
              }
            }
          }
          // polled jobs go to the back so every running job is asked about in turn
          for (J job : due) {
            CompletableFuture<Void> pending = running.remove(job);
            if (pending != null) {
              running.put(job, pending);
            }
          }
        }
      } catch (Exception e) {
        synchronized (running) {
          due.forEach(job -> {
            CompletableFuture<Void> done = running.get(job);
            if (done != null) {
              done.completeExceptionally(e);
            }
          });
        }
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
  }
}
