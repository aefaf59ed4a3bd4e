package io.activationsuite.destination.salesforce.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiUsageTest {

  @Test
  void parsesUsageWithAndWithoutBursts() {
    assertThat(ApiUsage.parse("api-usage=18/15000")).contains(new ApiUsage(18, 15000));
    assertThat(ApiUsage.parse("api-usage=10018/100000; api-bursts=1/750")).contains(new ApiUsage(10018, 100000));
    assertThat(ApiUsage.parse(null)).isEmpty();
    assertThat(ApiUsage.parse("garbage")).isEmpty();
  }

  @Test
  void monitorKeepsTheLatest() {
    ApiUsageMonitor monitor = new ApiUsageMonitor();
    monitor.observe("api-usage=1/10");
    monitor.observe("api-usage=9/10");
    assertThat(monitor.latest().ratio()).isEqualTo(0.9);
  }
}
