package io.activationsuite.sink.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.activationsuite.sink.api.BatchLimits;
import io.activationsuite.sink.api.BatchWriter;
import io.activationsuite.sink.api.JobLimits;
import io.activationsuite.sink.api.OutboundRecord;
import io.activationsuite.sink.api.PollSchedule;
import io.activationsuite.sink.api.RecordOutcome;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How many waiting records a lane can put to use, by writer shape (the reader stops beyond the sum). */
class StreamLaneReadAheadTest {
  private static final PollSchedule SCHEDULE =
      new PollSchedule(Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofHours(1));

  @Test
  void aBatchWriterUsesAFullRequestForEverySlotAndOneMoreToSendWhenASlotFrees() {
    BatchWriter writer = new BatchWriter() {
      @Override
      public BatchLimits limits() {
        return new BatchLimits(75, 1 << 20);
      }

      @Override
      public List<RecordOutcome> write(List<OutboundRecord> batch) {
        throw new UnsupportedOperationException();
      }
    };

    assertThat(new StreamLane(null, null, writer, null).readAhead(64)).isEqualTo(65 * 75);
  }

  @Test
  void aJobWriterUsesFullJobsForAllItsJobSlotsWhateverTheRequestSlots() {
    StreamLane lane = new StreamLane(null, null,
        new RunningJobsTest.Limits(new JobLimits(30, 100, 100, SCHEDULE)), null);

    assertThat(lane.readAhead(4)).isEqualTo(30 * 100);
  }

  @Test
  void aJobWriterWithAMinimumAboveAllItsSlotsCanStillFormOneJob() {
    StreamLane lane = new StreamLane(null, null,
        new RunningJobsTest.Limits(new JobLimits(1, 100, 5_000, SCHEDULE)), null);

    assertThat(lane.readAhead(4)).isEqualTo(5_000);
  }
}
