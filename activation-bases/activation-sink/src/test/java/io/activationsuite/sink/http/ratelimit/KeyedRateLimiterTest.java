package io.activationsuite.sink.http.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.activationsuite.sink.http.FakeTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class KeyedRateLimiterTest {
  private static final Instant T0 = Instant.parse("2025-03-10T12:00:00Z");
  private final FakeTime time = new FakeTime(T0);

  @Test
  void aPausedKeyDoesNotHoldBackAnotherKey() throws Exception {
    KeyedRateLimiter channels = KeyedRateLimiter.create("Chat",
        key -> RateLimits.builder().window(1, Duration.ofSeconds(1)).safetyMargin(0).build(), time, time);
    channels.forKey("C-busy").pauseUntil(T0.plusSeconds(30));

    assertThat(channels.forKey("C-quiet").acquire().grantedAt()).isEqualTo(T0);
    assertThat(channels.forKey("C-busy").acquire().grantedAt()).isEqualTo(T0.plusSeconds(30));
    assertThat(channels.keys()).isEqualTo(2);
  }

  @Test
  void eachEndpointClassHasItsOwnBudgetSoAnExhaustedOneLeavesTheOtherFree() throws Exception {
    KeyedRateLimiter endpoints = KeyedRateLimiter.create("Users", key -> switch (key) {
      case "users/track" -> RateLimits.builder().window(3, Duration.ofSeconds(3)).safetyMargin(0).build();
      case "users/delete" -> RateLimits.builder().window(20, Duration.ofMinutes(1)).safetyMargin(0).build();
      default -> RateLimits.unlimited();
    }, time, time);
    RateLimiter track = endpoints.forKey("users/track");
    for (int i = 0; i < 3; i++) {
      track.complete(track.acquire(), RateLimitSignal.none());
    }

    assertThat(endpoints.forKey("users/delete").acquire().grantedAt()).isEqualTo(T0);
    assertThat(track.acquire().grantedAt()).isEqualTo(T0.plusSeconds(3));
    assertThat(endpoints.forKey("users/track")).isSameAs(track);
  }

  @Test
  void eachKeyCountsItsWindowFromTheSendNotFromTheAnswer() throws Exception {
    KeyedRateLimiter channels = KeyedRateLimiter.create("Chat",
        key -> RateLimits.builder().window(1, Duration.ofSeconds(1)).safetyMargin(0).build(), time, time);
    RateLimiter channel = channels.forKey("C-1");
    Permit first = channel.acquire();
    channel.sent(first);
    time.advance(Duration.ofMillis(400));
    channel.complete(first, RateLimitSignal.none());

    assertThat(channels.forKey("C-1").acquire().grantedAt()).isEqualTo(T0.plusSeconds(1));
  }
}
