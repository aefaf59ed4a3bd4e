package io.activationsuite.sink.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.activationsuite.sink.http.auth.RequestAuth;
import io.activationsuite.sink.http.ratelimit.KeyedRateLimiter;
import io.activationsuite.sink.http.ratelimit.RateLimiter;
import io.activationsuite.sink.http.ratelimit.RateLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/** A throttled key pauses only itself: requests of other keys keep their slots; budgets count from the send. */
class ApiClientKeyedLimitsTest {

  private static final Instant T0 = Instant.parse("2025-03-10T12:00:00Z");

  private static Request post(MockWebServer server, String channel) {
    return RateKey.of(channel).mark(new Request.Builder().url(server.url("/chat.postMessage?channel=" + channel))
        .post(RequestBody.create("{}", MediaType.get("application/json"))).build());
  }

  @Test
  void oneThrottledKeyDoesNotBlockAnother() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(new Dispatcher() {
        private boolean throttled;

        @Override
        public synchronized MockResponse dispatch(RecordedRequest request) {
          if (request.getPath().endsWith("C-busy") && !throttled) {
            throttled = true;
            return new MockResponse().setResponseCode(429).setHeader("Retry-After", "3");
          }
          return new MockResponse().setBody("{\"ok\":true}");
        }
      });
      server.start();
      KeyedRateLimiter channels = KeyedRateLimiter.create("Chat",
          key -> RateLimits.builder().window(5, Duration.ofSeconds(1)).build());
      ApiClient client = ApiClient.builder("Chat", new OkHttpClient()).keyedRateLimits(channels).build();
      client.execute(post(server, "C-quiet"));

      CompletableFuture<ApiResponse> busy = CompletableFuture.supplyAsync(() -> {
        try {
          return client.execute(post(server, "C-busy"));
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
      });
      server.takeRequest(5, TimeUnit.SECONDS);
      server.takeRequest(5, TimeUnit.SECONDS);
      long start = System.nanoTime();
      ApiResponse quiet = client.execute(post(server, "C-quiet"));
      Duration quietTook = Duration.ofNanos(System.nanoTime() - start);

      assertThat(quiet.status()).isEqualTo(200);
      assertThat(busy).isNotDone();
      assertThat(quietTook).isLessThan(Duration.ofSeconds(2));
      assertThat(busy.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
      assertThat(client.limiter().stats().pauses()).isZero();
      assertThat(channels.forKey("C-busy").stats().pauses()).isEqualTo(1);
    }
  }

  @Test
  void keyAndSharedBudgetsCountFromWhenEachRequestWasSentNotFromItsAnswer() throws Exception {
    FakeTime time = new FakeTime(T0);
    List<Instant> arrivals = new CopyOnWriteArrayList<>();
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          arrivals.add(time.instant());
          time.advance(Duration.ofMillis(500)); // the answer takes half the window
          return new MockResponse().setBody("{\"ok\":true}");
        }
      });
      server.start();
      KeyedRateLimiter channels = KeyedRateLimiter.create("Chat",
          key -> RateLimits.builder().window(1, Duration.ofSeconds(1)).safetyMargin(0).build(), time, time);
      RateLimiter workspace = RateLimiter.create("Chat", RateLimits.builder().window(2, Duration.ofSeconds(2))
          .safetyMargin(0).build(), time, time);
      AtomicBoolean tokenFetched = new AtomicBoolean();
      RequestAuth fetchesATokenFirst = request -> {
        if (!tokenFetched.getAndSet(true)) {
          time.advance(Duration.ofMillis(300)); // after the grant, before the send
        }
        return request;
      };
      ApiClient client = ApiClient.builder("Chat", new OkHttpClient()).keyedRateLimits(channels)
          .rateLimiter(workspace).auth(fetchesATokenFirst).time(time, time).build();

      for (int i = 0; i < 3; i++) {
        client.execute(post(server, "C-1"));
      }
    }

    // one per second per channel, two per 2 s for the workspace, each counted from its arrival
    assertThat(arrivals).containsExactly(T0.plusMillis(300), T0.plusMillis(1_300), T0.plusMillis(2_300));
  }
}
