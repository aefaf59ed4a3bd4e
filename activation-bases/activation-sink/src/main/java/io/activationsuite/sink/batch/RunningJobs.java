package io.activationsuite.sink.batch;

import io.activationsuite.protocol.errors.SystemErrorException;
import io.activationsuite.protocol.errors.TransientErrorException;
import io.activationsuite.sink.api.JobLimits;
import io.activationsuite.sink.api.JobProgress;
import io.activationsuite.sink.api.JobWriter;
import io.activationsuite.sink.api.RecordOutcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The asynchronous jobs of a write and their shared poll schedule: how many run or are being submitted
 * (against each writer's {@code maxJobsInFlight}), which are due for a poll, and what a poll's answers mean:
 * a finished job's results end its records, a job past its timeout is abandoned and fails the sync. After a
 * poll that failed, no job is polled again.
 *
 * <p>A writer that polls one job per call is asked about its due jobs one by one, each on its own doubling
 * schedule. A writer whose poll asks about several jobs ({@code maxJobsPerPoll > 1}, one request whatever
 * the number) is asked, whenever one of its jobs is due, about every job it has running, so a job that
 * finished frees its slot at the next poll instead of waiting for its own (doubled) turn; and a new job's
 * first poll is placed where the writer's recent jobs were found finished ({@link JobDurations}), so polls
 * come when jobs are done, not a fixed delay before or after.
 *
 * <p>Not thread-safe: everything but {@link #poll} runs under the scheduler's lock; {@link #poll} runs on the
 * poll request's own thread and touches only the jobs handed to it.
 */
final class RunningJobs {
  private final List<RunningJob> jobs = new ArrayList<>();
  private final Map<JobWriter<?>, JobDurations> durations = new IdentityHashMap<>();
  private int submitting;
  private int peak;
  private boolean stopped;

  /** Whether one more job may be submitted for a writer that allows {@code maxJobsInFlight}. */
  boolean roomFor(int maxJobsInFlight) {
    return jobs.size() + submitting < maxJobsInFlight;
  }

  /** A submission request starts: it counts against the jobs in flight until {@link #submitted}. */
  void submitting() {
    submitting++;
  }

  /** A job {@code lane}'s writer started for {@code records}, submitted at {@code submittedNanos}. */
  RunningJob started(StreamLane lane, Object handle, List<PendingRecord> records, long submittedNanos) {
    JobLimits limits = lane.jobs().jobLimits();
    long firstDelay = limits.maxJobsPerPoll() > 1 ? durations(lane.jobs()).firstPollDelay(limits.schedule())
        : limits.schedule().first().toNanos();
    return new RunningJob(lane, handle, records, submittedNanos, firstDelay);
  }

  /** A submission request is over: the jobs it started join the poll schedule. */
  void submitted(List<RunningJob> started) {
    submitting--;
    jobs.addAll(started);
    peak = Math.max(peak, jobs.size());
  }

  /** Whether no job runs (or none will be polled again). */
  boolean isEmpty() {
    return jobs.isEmpty();
  }

  /** The most jobs that ran at once. */
  int peak() {
    return peak;
  }

  /**
   * The next poll to send: due jobs of one writer (with a batched writer, those due within a quarter of its
   * first delay, and then its other running jobs riding along), marked as being polled; empty when none is due.
   */
  List<RunningJob> nextPoll(long nowNanos) {
    if (stopped) {
      return List.of();
    }
    RunningJob first = null;
    for (RunningJob job : jobs) {
      if (job.due(nowNanos)) {
        first = job;
        break;
      }
    }
    if (first == null) {
      return List.of();
    }
    JobWriter<?> writer = first.lane.jobs();
    JobLimits limits = writer.jobLimits();
    long firstDelay = limits.schedule().first().toNanos();
    long horizon = nowNanos + (first.batched() ? firstDelay / 4 : firstDelay);
    List<RunningJob> due = new ArrayList<>();
    for (RunningJob job : jobs) {
      if (job.lane.jobs() == writer && job.due(horizon) && due.size() < limits.maxJobsPerPoll()) {
        due.add(job);
      }
    }
    due.forEach(job -> job.polling = true);
    if (first.batched()) {
      List<RunningJob> riders = new ArrayList<>();
      for (RunningJob job : jobs) {
        if (job.lane.jobs() == writer && !job.polling) {
          riders.add(job);
        }
      }
      riders.sort(Comparator.comparingLong(job -> job.nextPollNanos));
      for (RunningJob job : riders.subList(0, Math.min(riders.size(), limits.maxJobsPerPoll() - due.size()))) {
        job.polling = true;
        job.riding = true;
        due.add(job);
      }
    }
    return due;
  }

  /**
   * Asks the writer about {@code due} (jobs of one writer): each finished job's results go to {@code sink} and
   * the job to {@code over}; a job past its timeout is abandoned, added to {@code over}, and {@code fail} hears
   * why. Runs outside the lock.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static void poll(List<RunningJob> due, List<RunningJob> over, BatchDispatch.Sink sink, Consumer<Throwable> fail)
      throws Exception {
    StreamLane lane = due.get(0).lane;
    JobWriter writer = lane.jobs();
    List<Object> handles = new ArrayList<>(due.size());
    due.forEach(job -> handles.add(job.handle));
    long sent = System.nanoTime();
    List<JobProgress> progress = writer.poll(handles);
    if (progress == null || progress.size() != due.size()) {
      throw new SystemErrorException("The " + lane.plan().object().name() + " job writer answered a poll of "
          + due.size() + " jobs with " + (progress == null ? "nothing" : progress.size() + " answers")
          + "; this is a bug in the connector.");
    }
    long now = System.nanoTime();
    for (int i = 0; i < due.size(); i++) {
      RunningJob job = due.get(i);
      long age = Math.max(1, sent - job.submittedNanos);
      if (progress.get(i) == JobProgress.FINISHED) {
        job.finishedAgeNanos = age;
        List<RecordOutcome> outcomes = writer.results(job.handle, BatchDispatch.records(job.records));
        BatchDispatch.deliver(lane, job.records, outcomes, sink);
        over.add(job);
      } else if (now > job.deadlineNanos) {
        writer.abandon(job.handle);
        over.add(job);
        fail.accept(new TransientErrorException("An asynchronous job on " + lane.plan().object().name()
            + " was still running after " + lane.jobs().jobLimits().schedule().timeout().toMinutes()
            + " minutes; the next sync resumes from the last checkpoint."));
      } else {
        job.runningAgeNanos = Math.max(job.runningAgeNanos, age);
      }
    }
  }

  /**
   * After a poll of {@code due}: the jobs {@code over} leave, the others wait for their next poll; after a
   * poll that {@code failed} (it will not get better) every running job is left to the API, its records
   * unended, and nothing is polled again.
   */
  void polled(List<RunningJob> due, List<RunningJob> over, boolean failed, long nowNanos) {
    jobs.removeAll(over);
    for (RunningJob job : over) {
      if (job.finishedAgeNanos > 0 && job.batched()) {
        durations(job.lane.jobs()).finished(job.runningAgeNanos, job.finishedAgeNanos);
      }
    }
    for (RunningJob job : due) {
      if (over.contains(job)) {
        continue;
      }
      if (job.riding) {
        job.rodeAlong();
      } else {
        job.scheduleNextPoll(nowNanos);
      }
    }
    if (failed) {
      stopped = true;
      jobs.clear();
    }
  }

  private JobDurations durations(JobWriter<?> writer) {
    return durations.computeIfAbsent(writer, w -> new JobDurations(w.jobLimits().maxJobsInFlight()));
  }
}
