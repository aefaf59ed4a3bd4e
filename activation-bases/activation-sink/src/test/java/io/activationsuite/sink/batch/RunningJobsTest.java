package io.activationsuite.sink.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.activationsuite.sink.api.BatchLimits;
import io.activationsuite.sink.api.JobLimits;
import io.activationsuite.sink.api.JobProgress;
import io.activationsuite.sink.api.JobWriter;
import io.activationsuite.sink.api.OutboundRecord;
import io.activationsuite.sink.api.PollSchedule;
import io.activationsuite.sink.api.RecordOutcome;
import io.activationsuite.sink.api.Submission;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The poll schedule of running jobs, on explicit instants (no clock, no threads). */
class RunningJobsTest {
  static final long SECOND = 1_000_000_000L;

  /** A job writer that is never called: the schedule only reads its limits. */
  record Limits(JobLimits jobLimits) implements JobWriter<String> {
    @Override
    public BatchLimits limits() {
      return new BatchLimits(100, 1 << 20);
    }

    @Override
    public Submission<String> submit(List<OutboundRecord> records) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<JobProgress> poll(List<String> jobs) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<RecordOutcome> results(String job, List<OutboundRecord> records) {
      throw new UnsupportedOperationException();
    }
  }

  static StreamLane lane(int maxJobsPerPoll) {
    PollSchedule schedule = new PollSchedule(Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofHours(1));
    return new StreamLane(null, null, new Limits(new JobLimits(30, maxJobsPerPoll, 100, schedule)), null);
  }

  static RunningJob submit(RunningJobs jobs, StreamLane lane, String handle, long at) {
    jobs.submitting();
    RunningJob job = jobs.started(lane, handle, List.of(), at);
    jobs.submitted(List.of(job));
    return job;
  }

  /** Polls what is due at {@code at}; every job asked about is found running (with the age it had then). */
  static List<RunningJob> pollRunning(RunningJobs jobs, long at) {
    List<RunningJob> asked = jobs.nextPoll(at);
    asked.forEach(job -> job.runningAgeNanos = Math.max(job.runningAgeNanos, at - job.submittedNanos));
    jobs.polled(asked, List.of(), false, at);
    return asked;
  }

  @Test
  void givenABatchedWriter_whenOneJobIsDue_thenThePollAlsoAsksAboutItsJobsNotYetDue() {
    RunningJobs jobs = new RunningJobs();
    StreamLane lane = lane(100);
    RunningJob old = submit(jobs, lane, "old", 0);
    // found running at 1 s, 2 s and 4 s: its own next turn moves out to 8 s
    assertThat(pollRunning(jobs, SECOND)).containsExactly(old);
    assertThat(pollRunning(jobs, 2 * SECOND)).containsExactly(old);
    assertThat(pollRunning(jobs, 4 * SECOND)).containsExactly(old);
    assertThat(old.nextPollNanos).isEqualTo(8 * SECOND);
    RunningJob young = submit(jobs, lane, "young", 5 * SECOND);

    // the poll for the young job (one request whatever the number of jobs) also asks about the old one: if the
    // old job finished meanwhile, its slot is free at this poll, not at 8 s
    assertThat(jobs.nextPoll(6 * SECOND)).containsExactly(young, old);
  }

  @Test
  void givenABatchedWriter_whenAJobRodeAlongAndWasStillRunning_thenItsOwnScheduleStays() {
    RunningJobs jobs = new RunningJobs();
    StreamLane lane = lane(100);
    RunningJob due = submit(jobs, lane, "due", 0);
    RunningJob rider = submit(jobs, lane, "rider", SECOND / 2);

    assertThat(pollRunning(jobs, SECOND)).containsExactly(due, rider);

    assertThat(due.nextPollNanos).isEqualTo(2 * SECOND);
    assertThat(rider.nextPollNanos).isEqualTo(SECOND + SECOND / 2);
  }

  @Test
  void givenABatchedWriter_whenPollsAskAboutMoreJobsThanOnePollTakes_thenTheDueJobsGoFirst() {
    RunningJobs jobs = new RunningJobs();
    StreamLane lane = lane(2);
    RunningJob later = submit(jobs, lane, "later", SECOND / 2);
    RunningJob due = submit(jobs, lane, "due", 0);
    RunningJob latest = submit(jobs, lane, "latest", SECOND * 3 / 4);

    assertThat(jobs.nextPoll(SECOND)).containsExactly(due, later).doesNotContain(latest);
  }

  @Test
  void givenAWriterThatPollsOneJobPerCall_whenAJobIsDue_thenOnlyThatJobIsAskedAbout() {
    RunningJobs jobs = new RunningJobs();
    StreamLane lane = lane(1);
    RunningJob first = submit(jobs, lane, "first", 0);
    submit(jobs, lane, "second", SECOND / 2);

    assertThat(jobs.nextPoll(SECOND)).containsExactly(first);
    jobs.polled(List.of(first), List.of(), false, SECOND);
    // its own doubling schedule: 1 s, then 2 s more
    assertThat(first.nextPollNanos).isEqualTo(3 * SECOND);
  }

  @Test
  void givenBatchedJobsFoundRunningAtOneSecondAndFinishedAtThree_whenANewJobStarts_thenItIsFirstPolledInBetween() {
    RunningJobs jobs = new RunningJobs();
    StreamLane lane = lane(100);
    RunningJob done = submit(jobs, lane, "done", 0);
    assertThat(pollRunning(jobs, SECOND)).containsExactly(done);
    List<RunningJob> asked = jobs.nextPoll(3 * SECOND);
    done.finishedAgeNanos = 3 * SECOND;
    jobs.polled(asked, asked, false, 3 * SECOND);

    RunningJob next = submit(jobs, lane, "next", 3 * SECOND);

    assertThat(jobs.isEmpty()).isFalse();
    assertThat(next.nextPollNanos).isEqualTo(3 * SECOND + 2 * SECOND);
  }

  @Test
  void givenAWriterThatPollsOneJobPerCall_whenJobsFinished_thenNewJobsKeepTheFirstDelay() {
    RunningJobs jobs = new RunningJobs();
    StreamLane lane = lane(1);
    RunningJob done = submit(jobs, lane, "done", 0);
    assertThat(pollRunning(jobs, SECOND)).containsExactly(done);
    List<RunningJob> asked = jobs.nextPoll(3 * SECOND);
    done.finishedAgeNanos = 3 * SECOND;
    jobs.polled(asked, asked, false, 3 * SECOND);

    assertThat(submit(jobs, lane, "next", 3 * SECOND).nextPollNanos).isEqualTo(4 * SECOND);
  }
}
