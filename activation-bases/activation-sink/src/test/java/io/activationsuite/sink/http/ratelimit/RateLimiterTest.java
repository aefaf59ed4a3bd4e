package io.activationsuite.sink.http.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.activationsuite.sink.http.ApiClient;
import io.activationsuite.sink.http.FakeTime;
import io.activationsuite.sink.http.ManualTime;
import io.activationsuite.sink.http.time.Waiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  private static final Instant T0 = Instant.parse("2025-03-10T12:00:00Z");

  @Test
  void rollingWindowsAreNeverExceededAndEachCallerSleepsAtMostOnce() throws Exception {
    FakeTime time = new FakeTime(T0);
    RateLimits limits = RateLimits.builder().window(10, Duration.ofSeconds(1)).window(25, Duration.ofSeconds(10))
        .safetyMargin(0).build();
    RateLimiter limiter = RateLimiter.create("Example", limits, time, time);
    List<Instant> grants = new ArrayList<>();

    for (int i = 0; i < 60; i++) {
      grants.add(grant(limiter).grantedAt());
    }

    assertThat(maxInAnyWindow(grants, Duration.ofSeconds(1))).isEqualTo(10);
    assertThat(maxInAnyWindow(grants, Duration.ofSeconds(10))).isEqualTo(25);
    assertThat(grants.get(10)).isEqualTo(T0.plusSeconds(1));
    assertThat(grants.get(25)).isEqualTo(T0.plusSeconds(10));
    assertThat(time.wakeUps()).isLessThanOrEqualTo(50);
    assertThat(limiter.stats().granted()).isEqualTo(60);
  }

  @Test
  void safetyMarginCountsTheWindowLonger() throws Exception {
    FakeTime time = new FakeTime(T0);
    RateLimiter limiter = RateLimiter.create("Example", RateLimits.builder().window(2, Duration.ofSeconds(10))
        .safetyMargin(0.05).build(), time, time);

    grant(limiter);
    grant(limiter);

    assertThat(grant(limiter).grantedAt()).isEqualTo(T0.plusMillis(10_500));
  }

  @Test
  void remainingBelowOwnUsageMeansAnotherConsumerAndSlowsUsDown() throws Exception {
    FakeTime time = new FakeTime(T0);
    RateLimiter limiter = RateLimiter.create("Example", RateLimits.builder().window(10, Duration.ofSeconds(10))
        .safetyMargin(0).build(), time, time);
    Permit first = grant(limiter);

    // the server saw 7 requests in its window although we sent one: 6 belong to someone else
    limiter.complete(first, new RateLimitSignal(10, 3, Duration.ofSeconds(10), null, -1, -1));
    List<Instant> grants = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      grants.add(grant(limiter).grantedAt());
    }

    assertThat(grants.subList(0, 3)).containsOnly(T0);
    assertThat(grants.get(3)).isEqualTo(T0.plusSeconds(10));
    assertThat(limiter.stats().phantomGrants()).isEqualTo(6);
  }

  @Test
  void ownInFlightRequestsAreNotMistakenForOtherConsumers() throws Exception {
    FakeTime time = new FakeTime(T0);
    RateLimiter limiter = RateLimiter.create("Example", RateLimits.builder().window(10, Duration.ofSeconds(10))
        .safetyMargin(0).build(), time, time);
    Permit first = grant(limiter);
    grant(limiter);
    grant(limiter);

    // the response to the first request arrives after two more were sent: server counted only the first
    limiter.complete(first, new RateLimitSignal(10, 9, Duration.ofSeconds(10), null, -1, -1));

    assertThat(limiter.stats().phantomGrants()).isZero();
  }

  @Test
  void lowerServerLimitIsLearnedAndZeroRemainingWithResetPausesUntilTheReset() throws Exception {
    FakeTime time = new FakeTime(T0);
    RateLimiter limiter = RateLimiter.create("Example", RateLimits.builder().window(100, Duration.ofSeconds(3))
        .build(), time, time);
    Permit permit = grant(limiter);

    limiter.complete(permit, new RateLimitSignal(50, 0, null, T0.plusSeconds(2), -1, -1));

    assertThat(grant(limiter).grantedAt()).isEqualTo(T0.plusSeconds(2));
    assertThat(limiter.stats().pauses()).isEqualTo(1);
  }

  @Test
  void pauseArrivingWhileACallerWaitsReschedulesIt() throws Exception {
    FakeTime time = new FakeTime(T0);
    RateLimiter[] holder = new RateLimiter[1];
    Waiter pausingWaiter = deadline -> {
      holder[0].pauseUntil(T0.plusSeconds(30));
      time.sleepUntil(deadline);
    };
    holder[0] = RateLimiter.create("Example", RateLimits.builder().window(1, Duration.ofSeconds(1)).safetyMargin(0)
        .build(), time, pausingWaiter);
    grant(holder[0]);

    Permit permit = grant(holder[0]);

    assertThat(permit.grantedAt()).isEqualTo(T0.plusSeconds(30));
    assertThat(holder[0].stats().rescheduled()).isEqualTo(1);
  }

  @Test
  void aWindowCountsFromTheSendNotFromTheAnswer() throws Exception {
    FakeTime time = new FakeTime(T0);
    RateLimiter limiter = RateLimiter.create("Example", RateLimits.builder().window(1, Duration.ofSeconds(1))
        .safetyMargin(0).build(), time, time);
    Permit first = limiter.acquire();
    limiter.sent(first);
    time.advance(Duration.ofMillis(600));
    limiter.complete(first, RateLimitSignal.none());

    // the server counted the first request when it arrived (T0), not when it answered (T0 + 0.6 s)
    assertThat(grant(limiter).grantedAt()).isEqualTo(T0.plusSeconds(1));
  }

  @Test
  void aSlowRequestStillInFlightDoesNotHoldItsSlotPastTheWindow() throws Exception {
    FakeTime time = new FakeTime(T0);
    Permit[] slow = new Permit[1];
    RateLimiter[] holder = new RateLimiter[1];
    Waiter completesAtThreeSeconds = deadline -> {
      time.sleepUntil(deadline);
      if (slow[0] != null && !time.instant().isBefore(T0.plusSeconds(3))) {
        holder[0].complete(slow[0], RateLimitSignal.none());
        slow[0] = null;
      }
    };
    holder[0] = RateLimiter.create("Example", RateLimits.builder().window(1, Duration.ofSeconds(1)).safetyMargin(0)
        .build(), time, completesAtThreeSeconds);
    slow[0] = holder[0].acquire();
    holder[0].sent(slow[0]);

    Permit next = grant(holder[0]);

    assertThat(next.grantedAt()).isEqualTo(T0.plusSeconds(1));
    assertThat(slow[0]).as("the first request is still in flight").isNotNull();
  }

  @Test
  void aGrantCountsFromItsSendWhenAuthOrConnectingDelayedIt() throws Exception {
    FakeTime time = new FakeTime(T0);
    RateLimiter limiter = RateLimiter.create("Example", RateLimits.builder().window(1, Duration.ofSeconds(1))
        .safetyMargin(0).build(), time, time);
    Permit first = limiter.acquire();
    time.advance(Duration.ofMillis(500));
    limiter.sent(first);
    limiter.complete(first, RateLimitSignal.none());

    assertThat(first.grantedAt()).isEqualTo(T0);
    assertThat(grant(limiter).grantedAt()).isEqualTo(T0.plusMillis(1_500));
  }

  @Test
  void aCallerWaitingForASlotIsRescheduledWhenAnEarlierGrantIsSentLate() throws Exception {
    FakeTime time = new FakeTime(T0);
    Permit[] late = new Permit[1];
    RateLimiter[] holder = new RateLimiter[1];
    Waiter sendsTheFirstLate = deadline -> {
      if (late[0] != null) {
        time.advance(Duration.ofMillis(300));
        holder[0].sent(late[0]);
        late[0] = null;
      }
      time.sleepUntil(deadline);
    };
    holder[0] = RateLimiter.create("Example", RateLimits.builder().window(1, Duration.ofSeconds(1)).safetyMargin(0)
        .build(), time, sendsTheFirstLate);
    late[0] = holder[0].acquire();

    Permit next = holder[0].acquire();

    assertThat(next.grantedAt()).isEqualTo(T0.plusMillis(1_300));
    assertThat(holder[0].stats().rescheduled()).isEqualTo(1);
  }

  @Test
  void aReservationCrowdedByALateSendMovesByItsShortfallAndStaysAheadOfLaterCallers() throws Exception {
    ManualTime time = new ManualTime(T0);
    RateLimiter limiter = RateLimiter.create("Example", RateLimits.builder().window(1, Duration.ofSeconds(1))
        .safetyMargin(0).build(), time, time);
    Duration bound = Duration.ofSeconds(10);
    ExecutorService callers = Executors.newFixedThreadPool(2);
    try {
      Permit first = limiter.acquire();
      Future<Permit> second = callers.submit(limiter::acquire);
      time.awaitSleepsBegun(1, bound);
      Future<Permit> third = callers.submit(limiter::acquire);
      time.awaitSleepsBegun(2, bound);

      // the first request reaches the wire 300 ms after its grant: the reservations at 1 s and 2 s are crowded
      time.advanceTo(T0.plusMillis(300));
      limiter.sent(first);
      time.advanceTo(T0.plusSeconds(1));
      time.awaitSleepsBegun(3, bound);
      time.advanceTo(T0.plusMillis(1_300));
      Permit secondGrant = second.get(10, TimeUnit.SECONDS);
      time.advanceTo(T0.plusSeconds(2));
      time.awaitSleepsBegun(4, bound);
      time.advanceTo(T0.plusMillis(2_300));
      Permit thirdGrant = third.get(10, TimeUnit.SECONDS);

      assertThat(secondGrant.grantedAt()).as("moved by the 300 ms shortfall, not behind the third caller")
          .isEqualTo(T0.plusMillis(1_300));
      assertThat(thirdGrant.grantedAt()).isEqualTo(T0.plusMillis(2_300));
      assertThat(secondGrant.sequence()).isLessThan(thirdGrant.sequence());
      assertThat(limiter.stats().rescheduled()).isEqualTo(2);
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void aSendLateByLessThanTheMarginLeavesTheReservationsAfterItInPlace() throws Exception {
    FakeTime time = new FakeTime(T0);
    Permit[] late = new Permit[1];
    RateLimiter[] holder = new RateLimiter[1];
    Waiter sendsTheFirstLate = deadline -> {
      if (late[0] != null) {
        time.advance(Duration.ofMillis(10));
        holder[0].sent(late[0]);
        late[0] = null;
      }
      time.sleepUntil(deadline);
    };
    holder[0] = RateLimiter.create("Example", RateLimits.builder().window(1, Duration.ofSeconds(1)).safetyMargin(0.02)
        .build(), time, sendsTheFirstLate);
    late[0] = holder[0].acquire();

    Permit next = holder[0].acquire();

    // 1.02 s after the grant is still 1.01 s after the send: within the declared window, so no gap opens
    assertThat(next.grantedAt()).isEqualTo(T0.plusMillis(1_020));
    assertThat(holder[0].stats().rescheduled()).isZero();
  }

  @Test
  void declaredDailyQuotaRunsOutWithTheResetInstant() throws Exception {
    FakeTime time = new FakeTime(T0);
    RateLimiter limiter = RateLimiter.create("Example", RateLimits.builder()
        .daily(DailyQuota.resettingAtMidnight(3, ZoneOffset.UTC)).build(), time, time);
    for (int i = 0; i < 3; i++) {
      grant(limiter);
    }

    assertThatThrownBy(() -> grant(limiter)).isInstanceOfSatisfying(QuotaExhaustedException.class,
        e -> assertThat(e.resetsAt()).contains(Instant.parse("2025-03-11T00:00:00Z")))
        .hasMessageContaining("2025-03-11T00:00:00Z");

    time.advance(Duration.ofHours(12));
    assertThat(grant(limiter).grantedAt()).isAfterOrEqualTo(Instant.parse("2025-03-11T00:00:00Z"));
  }

  @Test
  void dailyRemainingHeaderIsLearned() throws Exception {
    FakeTime time = new FakeTime(T0);
    RateLimiter limiter = RateLimiter.create("Example", RateLimits.unlimited(), time, time);
    Permit permit = grant(limiter);
    limiter.complete(permit, new RateLimitSignal(-1, -1, null, null, 2, 250_000));

    grant(limiter);
    grant(limiter);

    assertThatThrownBy(() -> grant(limiter)).isInstanceOf(QuotaExhaustedException.class);
  }

  @Test
  void dailyRemainingOfParallelRequestsIsNotOverCountedWhenAnswersArriveOutOfOrder() throws Exception {
    FakeTime time = new FakeTime(T0);
    RateLimiter limiter = RateLimiter.create("Example", RateLimits.unlimited(), time, time);
    Permit first = grant(limiter);
    Permit second = grant(limiter);
    // the server counted both; the second answers first, then the first: one request is really left
    limiter.complete(second, new RateLimitSignal(-1, -1, null, null, 2, 250_000));
    limiter.complete(first, new RateLimitSignal(-1, -1, null, null, 1, 250_000));

    grant(limiter);

    assertThatThrownBy(() -> grant(limiter)).isInstanceOf(QuotaExhaustedException.class);
  }

  @Test
  void interruptedWaitConsumesNoSlot() throws Exception {
    FakeTime time = new FakeTime(T0);
    Waiter interrupted = deadline -> {
      throw new InterruptedException("stop");
    };
    RateLimiter limiter = RateLimiter.create("Example", RateLimits.builder().window(1, Duration.ofSeconds(1))
        .safetyMargin(0).build(), time, interrupted);
    grant(limiter);

    assertThatThrownBy(() -> grant(limiter)).isInstanceOf(InterruptedException.class);
    time.advance(Duration.ofSeconds(1));
    assertThat(grant(limiter).grantedAt()).isEqualTo(T0.plusSeconds(1));
  }

  @Test
  void headerFamiliesAreParsed() {
    var xRateLimit = RateLimitHeaders.xRateLimit(RateLimitHeaders.ResetStyle.EPOCH_SECONDS, Duration.ofSeconds(3))
        .parse(response(Headers.of("x-ratelimit-limit", "3000", "x-ratelimit-remaining", "0",
            "x-ratelimit-reset", String.valueOf(T0.getEpochSecond() + 2))), T0);
    assertThat(xRateLimit.resetsAt()).isEqualTo(T0.plusSeconds(2));
    var ietfWithCounters = RateLimitHeaders.ietf(Duration.ofMinutes(1))
        .and(RateLimitHeaders.counters("X-Rate-Limit", "X-Rate-Limit-Remaining", Duration.ofMinutes(1)))
        .parse(response(Headers.of("X-Rate-Limit", "700", "X-Rate-Limit-Remaining", "699", "ratelimit-reset", "41")),
            T0);
    assertThat(ietfWithCounters)
        .isEqualTo(new RateLimitSignal(700, 699, Duration.ofMinutes(1), T0.plusSeconds(41), -1, -1));
    assertThat(RateLimitHeaders.counters("X-Rate-Limit", "X-Rate-Limit-Remaining", null)
        .parse(response(Headers.of("X-Rate-Limit-Remaining", "x")), T0).isEmpty()).isTrue();
  }

  @Test
  void concurrentCallersOverRealHttpNeverExceedTheWindowAtTheServer() throws Exception {
    Duration window = Duration.ofMillis(400);
    int permits = 8;
    List<Long> arrivals = new CopyOnWriteArrayList<>();
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          arrivals.add(System.nanoTime());
          return new MockResponse().setBody("ok").setHeadersDelay(20, TimeUnit.MILLISECONDS);
        }
      });
      server.start();
      Clock clock = Clock.systemUTC();
      // grants count from the send and the server counts arrivals: the margin absorbs a loaded machine's jitter
      RateLimiter limiter = RateLimiter.create("Example", RateLimits.builder().window(permits, window)
          .safetyMargin(1.0).build(), clock, Waiter.system(clock));
      ApiClient client = ApiClient.builder("Example", new OkHttpClient()).rateLimiter(limiter).build();
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
        for (int t = 0; t < 8; t++) {
          done.add(pool.submit(() -> {
            go.await();
            for (int i = 0; i < 4; i++) {
              client.execute(new Request.Builder().url(server.url("/x")).build());
            }
            return null;
          }));
        }
        go.countDown();
        for (Future<?> future : done) {
          future.get(30, TimeUnit.SECONDS);
        }
      }
    }

    assertThat(arrivals).hasSize(32);
    List<Instant> asInstants = arrivals.stream().sorted().map(n -> Instant.EPOCH.plusNanos(n)).toList();
    assertThat(maxInAnyWindow(asInstants, window)).isLessThanOrEqualTo(permits);
  }

  /** Acquires a permit and completes its request at once (an instant exchange). */
  private static Permit grant(RateLimiter limiter) throws InterruptedException {
    Permit permit = limiter.acquire();
    limiter.complete(permit, RateLimitSignal.none());
    return permit;
  }

  private static int maxInAnyWindow(List<Instant> sorted, Duration window) {
    int max = 0;
    int start = 0;
    for (int end = 0; end < sorted.size(); end++) {
      while (!sorted.get(start).isAfter(sorted.get(end).minus(window))) {
        start++;
      }
      max = Math.max(max, end - start + 1);
    }
    return max;
  }

  private static io.activationsuite.sink.http.ApiResponse response(Headers headers) {
    return new io.activationsuite.sink.http.ApiResponse("GET", "/", 200, headers, new byte[0], null);
  }
}
