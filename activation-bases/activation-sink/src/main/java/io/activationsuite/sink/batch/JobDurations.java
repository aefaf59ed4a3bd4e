package io.activationsuite.sink.batch;

import io.activationsuite.sink.api.PollSchedule;
import java.util.ArrayDeque;

/**
 * How long one writer's jobs take, learned from its polls, so that a new job is first asked about when the
 * recent jobs were done rather than at a fixed first delay. Each finished job gives a bound: it was still
 * running at the last age a poll found it running, and done at the age a poll found it finished. The first
 * poll goes halfway between the longest recent "still running" and the shortest recent "done" (so the
 * estimate closes in from both sides); when jobs vary more than that (a job ran longer than another took in
 * all), it goes a tenth of the first delay after the longest "still running". Never before the schedule's
 * first delay, never after its cap. Used for batched polls only: there, one poll asks about every job, so a
 * poll that comes too early costs one request, not one per job. Not thread-safe (the scheduler's lock).
 */
final class JobDurations {
  private final int window;
  /** Recent finished jobs: {longest age found running, age found finished}, in nanoseconds. */
  private final ArrayDeque<long[]> recent = new ArrayDeque<>();

  /** Remembers the last {@code window} finished jobs. */
  JobDurations(int window) {
    this.window = Math.max(1, window);
  }

  /** A job a poll found finished at {@code finishedAge}, last found running at {@code runningAge} (0: never). */
  void finished(long runningAge, long finishedAge) {
    recent.addLast(new long[] {runningAge, finishedAge});
    while (recent.size() > window) {
      recent.removeFirst();
    }
  }

  /** How long after its submission a new job is first polled. */
  long firstPollDelay(PollSchedule schedule) {
    long first = schedule.first().toNanos();
    if (recent.isEmpty()) {
      return first;
    }
    long longestRunning = 0;
    long shortestDone = Long.MAX_VALUE;
    for (long[] bounds : recent) {
      longestRunning = Math.max(longestRunning, bounds[0]);
      shortestDone = Math.min(shortestDone, bounds[1]);
    }
    long guess = longestRunning < shortestDone ? longestRunning + (shortestDone - longestRunning) / 2
        : longestRunning + first / 10;
    return Math.min(schedule.max().toNanos(), Math.max(first, guess));
  }
}
