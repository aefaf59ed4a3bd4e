package io.activationsuite.destination.salesforce.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.activationsuite.sink.http.ApiResponse;
import io.activationsuite.sink.http.ratelimit.RateLimitSignal;
import java.time.Instant;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

class ApiUsageTest {

  private static ApiResponse answer(String limitInfo) {
    Headers headers = limitInfo == null ? Headers.of() : Headers.of("Sforce-Limit-Info", limitInfo);
    return new ApiResponse("GET", "/services/data/v64.0/", 200, headers, new byte[0], null);
  }

  @Test
  void readsUsageWithAndWithoutBurstsIntoTheDailySignal() {
    ApiUsageMonitor monitor = new ApiUsageMonitor();
    RateLimitSignal signal = monitor.read(answer("api-usage=10018/100000; api-bursts=1/750"), Instant.EPOCH);
    assertThat(signal.dailyLimit()).isEqualTo(100_000);
    assertThat(signal.dailyRemaining()).isEqualTo(89_982);
    assertThat(monitor.read(answer(null), Instant.EPOCH).isEmpty()).isTrue();
    assertThat(monitor.read(answer("garbage"), Instant.EPOCH).isEmpty()).isTrue();
    assertThat(monitor.parse(answer("api-usage=10018/100000"), Instant.EPOCH).isEmpty())
        .as("the soft daily limit is not handed to the limiter").isTrue();
    assertThat(monitor.latestPercent()).isEqualTo(10);
  }

  @Test
  void monitorKeepsTheLatestAndAnnouncesEachThresholdOnce() {
    ApiUsageMonitor monitor = new ApiUsageMonitor();
    monitor.parse(answer("api-usage=1/10"), Instant.EPOCH);
    assertThat(monitor.latestPercent()).isEqualTo(10);
    assertThat(monitor.announcedThreshold()).isZero();
    monitor.parse(answer("api-usage=9/10"), Instant.EPOCH);
    assertThat(monitor.latestPercent()).isEqualTo(90);
    assertThat(monitor.announcedThreshold()).isEqualTo(80);
    monitor.parse(answer("api-usage=6/10"), Instant.EPOCH);
    assertThat(monitor.announcedThreshold()).isEqualTo(80);
  }
}
