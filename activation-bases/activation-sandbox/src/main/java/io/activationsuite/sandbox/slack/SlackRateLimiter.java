package io.activationsuite.sandbox.slack;

import io.activationsuite.sandbox.FaultConfig;
import io.activationsuite.sandbox.FaultController;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Slack's rate limits: methods by tier (Tier 2 20, Tier 3 50, Tier 4 100 calls per minute, per method
 * and workspace, as rolling windows) and chat.postMessage's special limit: about one message per second
 * per channel with a short burst (a token bucket), plus a workspace-wide cap per minute. A refusal gives
 * the seconds to wait for {@code Retry-After}. The fault config's {@code rateLimitBudget} and
 * {@code rateLimitIntervalMillis} replace the per-channel posting rate (budget messages per interval,
 * the budget also being the burst). Thread-safe.
 */
final class SlackRateLimiter {

  /** Rate-limit tiers of the Web API methods, in calls per minute. */
  enum Tier {
    TIER_1(1), TIER_2(20), TIER_3(50), TIER_4(100);

    final int perMinute;

    Tier(int perMinute) {
      this.perMinute = perMinute;
    }
  }

  private static final long MINUTE_MILLIS = 60_000;

  private final SlackSettings settings;
  private final Clock clock;
  private final FaultController faults;
  private final Map<String, Deque<Instant>> methodWindows = new HashMap<>();
  private final Map<String, double[]> channelBuckets = new HashMap<>();
  private final Deque<Instant> workspacePosts = new ArrayDeque<>();

  SlackRateLimiter(SlackSettings settings, Clock clock, FaultController faults) {
    this.settings = settings;
    this.clock = clock;
    this.faults = faults;
  }

  synchronized void reset() {
    methodWindows.clear();
    channelBuckets.clear();
    workspacePosts.clear();
  }

  /** Counts a call of a tiered method; empty when allowed, else the seconds to wait. */
  synchronized OptionalLong admitMethod(String method, Tier tier) {
    return admitWindow(methodWindows.computeIfAbsent(method, k -> new ArrayDeque<>()), tier.perMinute);
  }

  /** Counts a chat.postMessage to a channel against its bucket and the workspace cap. */
  synchronized OptionalLong admitPost(String channelId) {
    Instant now = clock.instant();
    FaultConfig config = faults.config();
    double perSecond = settings.postsPerSecond();
    double capacity = 1 + settings.postBurst();
    if (config.rateLimitBudget() != null) {
      long interval = config.rateLimitIntervalMillis() == null ? 1_000 : config.rateLimitIntervalMillis();
      perSecond = config.rateLimitBudget() * 1_000.0 / interval;
      capacity = config.rateLimitBudget();
    }
    double[] bucket = channelBuckets.computeIfAbsent(channelId, k -> new double[] {-1, 0});
    double nowSeconds = now.toEpochMilli() / 1_000.0;
    double tokens = bucket[0] < 0 ? capacity : Math.min(capacity, bucket[0] + (nowSeconds - bucket[1]) * perSecond);
    if (tokens < 1) {
      bucket[0] = tokens;
      bucket[1] = nowSeconds;
      return OptionalLong.of(Math.max(1, (long) Math.ceil((1 - tokens) / perSecond)));
    }
    OptionalLong workspace = admitWindow(workspacePosts, settings.workspacePostsPerMinute());
    if (workspace.isPresent()) {
      bucket[0] = tokens;
      bucket[1] = nowSeconds;
      return workspace;
    }
    bucket[0] = tokens - 1;
    bucket[1] = nowSeconds;
    return OptionalLong.empty();
  }

  private OptionalLong admitWindow(Deque<Instant> window, int budget) {
    Instant now = clock.instant();
    Instant cutoff = now.minusMillis(MINUTE_MILLIS);
    while (!window.isEmpty() && !window.peekFirst().isAfter(cutoff)) {
      window.removeFirst();
    }
    if (window.size() >= budget) {
      long waitMillis = Duration.between(now, window.peekFirst().plusMillis(MINUTE_MILLIS)).toMillis();
      return OptionalLong.of(Math.max(1, (waitMillis + 999) / 1_000));
    }
    window.addLast(now);
    return OptionalLong.empty();
  }
}
