package io.activationsuite.sandbox.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SalesforceSettingsTest {

  @Test
  void defaultsAreRealistic() {
    SalesforceSettings settings = SalesforceSettings.from(Map.of());

    assertThat(settings.bulkProfile()).isEqualTo(BulkProcessingProfile.realistic());
    assertThat(settings.dailyApiRequests()).isEqualTo(100_000);
    assertThat(settings.maxUploadBytes()).isEqualTo(100L * 1024 * 1024);
    assertThat(settings.toString()).doesNotContain(settings.clientSecret()).doesNotContain(settings.refreshToken());
  }

  @Test
  void timeScaleSpeedsUpTheProfile() {
    SalesforceSettings settings = SalesforceSettings.from(Map.of("bulkTimeScale", "100", "clientId", "c"));

    assertThat(settings.clientId()).isEqualTo("c");
    assertThat(settings.bulkProfile().startDelay()).isEqualTo(Duration.ofMillis(20));
    assertThat(settings.bulkProfile().recordsPerSecond()).isEqualTo(200_000);
    assertThat(settings.bulkProfile().chunkDuration(10_000)).isEqualTo(Duration.ofMillis(50));
  }

  @Test
  void instantProfileHasNoDelays() {
    BulkProcessingProfile profile = SalesforceSettings.from(Map.of("bulkProfile", "instant")).bulkProfile();

    assertThat(profile.startDelay()).isZero();
    assertThat(profile.chunkDuration(10_000)).isZero();
  }

  @Test
  void limitsHeaderCountsAndRefusesWhenSpent() {
    ApiLimits limits = new ApiLimits(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), () -> 2);

    assertThat(limits.tryConsumeRequest()).isTrue();
    assertThat(limits.tryConsumeRequest()).isTrue();
    assertThat(limits.tryConsumeRequest()).isFalse();
    assertThat(limits.limitInfoHeader()).isEqualTo("api-usage=2/2");
    assertThat(limits.remainingRequests()).isZero();
  }
}
