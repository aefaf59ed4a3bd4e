package io.activationsuite.destination.salesforce.http;

import io.activationsuite.sink.http.ApiResponse;
import io.activationsuite.sink.http.ratelimit.RateLimitSignal;
import io.activationsuite.sink.http.ratelimit.RateLimitSignalParser;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code Sforce-Limit-Info} with {@link #apiUsage()} and logs
 * (to stderr) when the org crosses 50, 80 and 95 percent of its daily allocation, once per threshold, so
 * users see the budget run out. It deliberately hands the rate limiter no daily figures: Salesforce's
 * allocation is a soft limit (orgs may run over it until the {@code 403 REQUEST_LIMIT_EXCEEDED} that
 * {@link SalesforceRules} turns into a clean stop), and the shared limiter, learning from answers of
 * parallel requests, would stop a sync while requests are still left.
 */
public final class ApiUsageMonitor implements RateLimitSignalParser {
  private static final Logger LOG = LoggerFactory.getLogger(ApiUsageMonitor.class);
  private static final int[] THRESHOLDS = {50, 80, 95};
  private static final Pattern API_USAGE = Pattern.compile("api-usage=(\\d+)/(\\d+)");
  private final RateLimitSignalParser headers = apiUsage();
  private final AtomicInteger announced = new AtomicInteger();
  private final AtomicInteger latestPercent = new AtomicInteger(-1);

  /** {@code Sforce-Limit-Info: api-usage=n/N}: the rolling 24 h allocation, as daily figures. */
  public static RateLimitSignalParser apiUsage() {
    return (response, now) -> {
      Matcher matcher = API_USAGE.matcher(response.header("Sforce-Limit-Info").orElse(""));
      if (!matcher.find()) {
        return RateLimitSignal.none();
      }
      try {
        long used = Long.parseLong(matcher.group(1));
        long limit = Long.parseLong(matcher.group(2));
        return new RateLimitSignal(-1, -1, null, null, Math.max(0, limit - used), limit);
      } catch (NumberFormatException e) {
        return RateLimitSignal.none();
      }
    };
  }

  /** Observes one answer's usage; returns no signal for the limiter (see the class comment). */
  @Override
  public RateLimitSignal parse(ApiResponse response, Instant now) {
    RateLimitSignal signal = headers.parse(response, now);
    if (signal.dailyLimit() > 0 && signal.dailyRemaining() >= 0) {
      long used = signal.dailyLimit() - signal.dailyRemaining();
      int percent = (int) Math.floor(used * 100.0 / signal.dailyLimit());
      latestPercent.set(percent);
      for (int threshold : THRESHOLDS) {
        int seen = announced.get();
        if (percent >= threshold && seen < threshold && announced.compareAndSet(seen, threshold)) {
          LOG.warn("Salesforce daily API usage at {}% ({}/{} requests)", percent, used, signal.dailyLimit());
        }
      }
    }
    return RateLimitSignal.none();
  }

  /** The usage figures of one answer as the shared parser reads them (empty signal when absent). */
  public RateLimitSignal read(ApiResponse response, Instant now) {
    return headers.parse(response, now);
  }

  /** The latest usage seen, in percent of the daily allocation; -1 before any answer carried it. */
  public int latestPercent() {
    return latestPercent.get();
  }

  /** The highest warning threshold logged so far (0 when none). */
  public int announcedThreshold() {
    return announced.get();
  }
}
