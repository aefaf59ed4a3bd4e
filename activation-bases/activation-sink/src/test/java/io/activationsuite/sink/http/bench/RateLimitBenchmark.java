package io.activationsuite.sink.http.bench;

import io.activationsuite.sink.http.ApiClient;
import io.activationsuite.sink.http.HttpClientFactory;
import io.activationsuite.sink.http.HttpClientSettings;
import io.activationsuite.sink.http.Idempotency;
import io.activationsuite.sink.http.ratelimit.RateLimitHeaders;
import io.activationsuite.sink.http.ratelimit.RateLimiter;
import io.activationsuite.sink.http.ratelimit.RateLimits;
import io.activationsuite.sink.http.retry.RetryPolicy;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * Drives {@link ApiClient} + {@link RateLimiter} against a loopback server enforcing HubSpot-like
 * 190 requests per rolling 10 s with 100 ms latency, and prints the share of the budget used and the
 * count of 429s. Args: [seconds=30] [concurrency=16] [budget=190] [windowMs=10000] [latencyMs=100].
 *
 * <p>Run from the repository root (test-compile selects the JDK 21+ toolchain for exec:exec):
 * <pre>
 * ./mvnw -q -o -pl activation-bases/activation-sink test-compile exec:exec -Dexec.executable=java \
 *   -Dexec.classpathScope=test \
 *   -Dexec.args="-cp %classpath io.activationsuite.sink.http.bench.RateLimitBenchmark 30 16"
 * </pre>
 */
public final class RateLimitBenchmark {

  private RateLimitBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    int seconds = arg(args, 0, 30);
    int concurrency = arg(args, 1, 16);
    int budget = arg(args, 2, 190);
    Duration window = Duration.ofMillis(arg(args, 3, 10_000));
    int latencyMs = arg(args, 4, 100);

    ServerBudget serverBudget = new ServerBudget(budget, window.toNanos());
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          int remaining = serverBudget.admit(System.nanoTime());
          MockResponse response = remaining < 0
              ? new MockResponse().setResponseCode(429).setBody("{\"policyName\":\"TEN_SECONDLY_ROLLING\"}")
              : new MockResponse().setBody("{\"status\":\"COMPLETE\"}");
          return response.setHeader("X-RateLimit-Limit", budget)
              .setHeader("X-RateLimit-Remaining", Math.max(0, remaining))
              .setHeadersDelay(latencyMs, TimeUnit.MILLISECONDS);
        }
      });
      server.start();

      RateLimiter limiter = RateLimiter.create("bench", RateLimits.builder().window(budget, window).build());
      ApiClient client = ApiClient.builder("bench", HttpClientFactory.create(
              HttpClientSettings.defaults("activation-bench/1.0", concurrency).withLogging(false, false)))
          .rateLimiter(limiter).signals(RateLimitHeaders.counters("X-RateLimit-Limit", "X-RateLimit-Remaining", window))
          .retryPolicy(RetryPolicy.defaults()).build();
      RequestBody body = RequestBody.create("{\"inputs\":[]}", MediaType.get("application/json"));
      AtomicInteger ok = new AtomicInteger();
      long start = System.nanoTime();
      long end = start + TimeUnit.SECONDS.toNanos(seconds);
      List<Future<?>> workers = new ArrayList<>();
      try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
        for (int i = 0; i < concurrency; i++) {
          workers.add(pool.submit(() -> {
            while (System.nanoTime() < end) {
              client.execute(new Request.Builder().url(server.url("/crm/v3/objects/contacts/batch/upsert"))
                  .post(body).build(), Idempotency.IDEMPOTENT);
              ok.incrementAndGet();
            }
            return null;
          }));
        }
        for (Future<?> worker : workers) {
          worker.get();
        }
      }
      double elapsed = (System.nanoTime() - start) / 1e9;
      double allowed = budget * elapsed / (window.toNanos() / 1e9);
      var metrics = client.metrics().snapshot();
      System.out.printf(Locale.ROOT, "budget %d req / %d ms, latency %d ms, concurrency %d, %.1f s%n", budget,
          window.toMillis(), latencyMs, concurrency, elapsed);
      System.out.printf(Locale.ROOT, "successful requests: %d (%.2f req/s) = %.1f %% of the budget%n", ok.get(),
          ok.get() / elapsed, 100.0 * ok.get() / allowed);
      System.out.printf(Locale.ROOT, "sustained: mean admitted per %d ms window after the first = %.1f %%%n",
          window.toMillis(), 100.0 * serverBudget.meanWindowUtilisation() / budget);
      System.out.printf(Locale.ROOT, "server 429s: %d (after the first window: %d); client retries: %d%n",
          serverBudget.rejected.get(), serverBudget.rejectedAfterFirstWindow.get(), metrics.retries());
      System.out.printf(Locale.ROOT, "permit wait (sum over threads): %.1f s; limiter %s%n",
          metrics.permitWait().toMillis() / 1000.0, limiter.stats());
    }
  }

  private static int arg(String[] args, int index, int fallback) {
    return args.length > index ? Integer.parseInt(args[index]) : fallback;
  }

  /** The server's rolling window: a log of admitted request arrival times. */
  private static final class ServerBudget {
    private final int permits;
    private final long windowNanos;
    private final ArrayDeque<Long> admitted = new ArrayDeque<>();
    private final List<Long> allAdmitted = new ArrayList<>();
    private final AtomicInteger rejected = new AtomicInteger();
    private final AtomicInteger rejectedAfterFirstWindow = new AtomicInteger();
    private long first = -1;

    ServerBudget(int permits, long windowNanos) {
      this.permits = permits;
      this.windowNanos = windowNanos;
    }

    /** Mean admitted requests per window, over windows starting every 50 ms from the end of the first. */
    synchronized double meanWindowUtilisation() {
      long last = allAdmitted.get(allAdmitted.size() - 1);
      long sum = 0;
      int samples = 0;
      for (long start = first + windowNanos; start + windowNanos <= last; start += 50_000_000L) {
        long from = start;
        long to = start + windowNanos;
        sum += allAdmitted.stream().filter(t -> t >= from && t < to).count();
        samples++;
      }
      return samples == 0 ? Double.NaN : (double) sum / samples;
    }

    /** Remaining after admitting the request at {@code now}, or -1 when it is over budget. */
    synchronized int admit(long now) {
      if (first < 0) {
        first = now;
      }
      while (!admitted.isEmpty() && admitted.peekFirst() <= now - windowNanos) {
        admitted.pollFirst();
      }
      if (admitted.size() >= permits) {
        rejected.incrementAndGet();
        if (now - first > windowNanos) {
          rejectedAfterFirstWindow.incrementAndGet();
        }
        return -1;
      }
      admitted.addLast(now);
      allAdmitted.add(now);
      return permits - admitted.size();
    }
  }
}
