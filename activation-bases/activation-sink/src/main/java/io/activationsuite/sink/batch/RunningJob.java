package io.activationsuite.sink.batch;

import java.util.List;

/**
 * A submitted asynchronous job: its lane, the connector's handle, the records it carries (their keys stay
 * locked until its results are in) and its place on the shared poll schedule. Mutated only under the
 * scheduler's lock.
 */
final class RunningJob {
  final StreamLane lane;
  final Object handle;
  final List<PendingRecord> records;
  final long deadlineNanos;
  int polls;
  long nextPollNanos;
  boolean polling;

  RunningJob(StreamLane lane, Object handle, List<PendingRecord> records, long nowNanos) {
    this.lane = lane;
    this.handle = handle;
    this.records = List.copyOf(records);
    this.deadlineNanos = nowNanos + lane.jobs().jobLimits().schedule().timeout().toNanos();
    scheduleNextPoll(nowNanos);
  }

  /** Moves to the next poll of the schedule (first, doubling, capped). */
  void scheduleNextPoll(long nowNanos) {
    polls++;
    nextPollNanos = nowNanos + lane.jobs().jobLimits().schedule().delay(polls).toNanos();
    polling = false;
  }

  boolean due(long nowNanos) {
    return !polling && nextPollNanos <= nowNanos;
  }
}
