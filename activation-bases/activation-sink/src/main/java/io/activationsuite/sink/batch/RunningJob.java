package io.activationsuite.sink.batch;

import io.activationsuite.sink.api.PollSchedule;
import java.util.List;

/**
 * A submitted asynchronous job: its lane, the connector's handle, the records it carries (their keys stay
 * locked until its results are in), its place on the shared poll schedule, and the ages (time since its
 * submission) at which polls found it running or finished. Mutated only under the scheduler's lock, except
 * the ages, which the poll that carries the job sets.
 */
final class RunningJob {
  final StreamLane lane;
  final Object handle;
  final List<PendingRecord> records;
  final long submittedNanos;
  final long deadlineNanos;
  int polls;
  long nextPollNanos;
  boolean polling;
  /** Asked about by a poll it was not due for (a batched poll carries every running job of its writer). */
  boolean riding;
  /** The longest age at which a poll found it running, 0 when none did. */
  long runningAgeNanos;
  /** The age at which a poll found it finished, 0 until then. */
  long finishedAgeNanos;

  RunningJob(StreamLane lane, Object handle, List<PendingRecord> records, long nowNanos, long firstDelayNanos) {
    this.lane = lane;
    this.handle = handle;
    this.records = List.copyOf(records);
    this.submittedNanos = nowNanos;
    this.deadlineNanos = nowNanos + schedule().timeout().toNanos();
    this.polls = 1;
    this.nextPollNanos = nowNanos + firstDelayNanos;
  }

  /**
   * Moves to the next poll of the schedule (doubling, capped). A batched writer's first poll is placed where
   * its jobs finish ({@link JobDurations}), so its schedule starts over there: the first delay again, then
   * doubling.
   */
  void scheduleNextPoll(long nowNanos) {
    polls++;
    nextPollNanos = nowNanos + schedule().delay(batched() ? polls - 1 : polls).toNanos();
    polling = false;
    riding = false;
  }

  /** After a poll it rode along on found it running: its own schedule stays. */
  void rodeAlong() {
    polling = false;
    riding = false;
  }

  boolean due(long nowNanos) {
    return !polling && nextPollNanos <= nowNanos;
  }

  /** Whether one poll of this job's writer asks about several jobs. */
  boolean batched() {
    return lane.jobs().jobLimits().maxJobsPerPoll() > 1;
  }

  private PollSchedule schedule() {
    return lane.jobs().jobLimits().schedule();
  }
}
