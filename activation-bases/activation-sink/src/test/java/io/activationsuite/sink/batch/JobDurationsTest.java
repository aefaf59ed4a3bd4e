package io.activationsuite.sink.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.activationsuite.sink.api.PollSchedule;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Where a new job's first poll goes, from the bounds its writer's recent jobs gave. */
class JobDurationsTest {
  static final long MS = 1_000_000L;
  static final PollSchedule SCHEDULE = new PollSchedule(Duration.ofSeconds(1), Duration.ofSeconds(10),
      Duration.ofHours(1));

  @Test
  void givenNoFinishedJob_thenTheFirstPollKeepsTheSchedulesFirstDelay() {
    assertThat(new JobDurations(30).firstPollDelay(SCHEDULE)).isEqualTo(1_000 * MS);
  }

  @Test
  void givenJobsStillRunningAtTwoSecondsAndDoneAtThree_thenTheFirstPollGoesHalfway() {
    JobDurations durations = new JobDurations(30);
    durations.finished(2_000 * MS, 3_000 * MS);
    durations.finished(1_000 * MS, 3_100 * MS);

    assertThat(durations.firstPollDelay(SCHEDULE)).isEqualTo(2_500 * MS);
  }

  @Test
  void givenAJobRunningLongerThanAnotherTookInAll_thenTheFirstPollGoesJustAfterTheLongestRunning() {
    JobDurations durations = new JobDurations(30);
    durations.finished(0, 2_100 * MS);
    durations.finished(2_300 * MS, 3_300 * MS);

    assertThat(durations.firstPollDelay(SCHEDULE)).isEqualTo(2_400 * MS);
  }

  @Test
  void givenOnlyTheRecentJobs_thenOlderBoundsAreForgotten() {
    JobDurations durations = new JobDurations(2);
    durations.finished(9_000 * MS, 9_500 * MS);
    durations.finished(1_000 * MS, 2_000 * MS);
    durations.finished(1_200 * MS, 2_200 * MS);

    assertThat(durations.firstPollDelay(SCHEDULE)).isEqualTo(1_600 * MS);
  }

  @Test
  void givenVeryShortOrVeryLongJobs_thenTheFirstPollStaysBetweenTheFirstDelayAndTheCap() {
    JobDurations fast = new JobDurations(30);
    fast.finished(0, 100 * MS);
    JobDurations slow = new JobDurations(30);
    slow.finished(60_000 * MS, 90_000 * MS);

    assertThat(fast.firstPollDelay(SCHEDULE)).isEqualTo(1_000 * MS);
    assertThat(slow.firstPollDelay(SCHEDULE)).isEqualTo(10_000 * MS);
  }
}
