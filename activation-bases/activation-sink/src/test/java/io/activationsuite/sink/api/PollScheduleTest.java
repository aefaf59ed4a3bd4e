package io.activationsuite.sink.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PollScheduleTest {

  @Test
  void startsShortDoublesAndCaps() {
    PollSchedule schedule = PollSchedule.defaults();
    assertThat(schedule.delay(1)).isEqualTo(Duration.ofMillis(500));
    assertThat(schedule.delay(2)).isEqualTo(Duration.ofSeconds(1));
    assertThat(schedule.delay(4)).isEqualTo(Duration.ofSeconds(4));
    assertThat(schedule.delay(6)).isEqualTo(Duration.ofSeconds(10));
    assertThat(schedule.delay(500)).isEqualTo(Duration.ofSeconds(10));
  }
}
