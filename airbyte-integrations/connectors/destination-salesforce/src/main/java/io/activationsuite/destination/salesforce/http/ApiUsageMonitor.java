package io.activationsuite.destination.salesforce.http;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the latest {@link ApiUsage} seen on any answer and logs (to stderr) when the org crosses 50, 80
 * and 95 percent of its daily API allocation, once per threshold, so users see the budget run out.
 */
public final class ApiUsageMonitor {
  private static final Logger LOG = LoggerFactory.getLogger(ApiUsageMonitor.class);
  private static final int[] THRESHOLDS = {50, 80, 95};
  private final AtomicReference<ApiUsage> latest = new AtomicReference<>();
  private final AtomicInteger announced = new AtomicInteger();

  /** Records the header value of one answer. */
  public void observe(String header) {
    ApiUsage.parse(header).ifPresent(usage -> {
      latest.set(usage);
      int percent = (int) Math.floor(usage.ratio() * 100);
      for (int threshold : THRESHOLDS) {
        int seen = announced.get();
        if (percent >= threshold && seen < threshold && announced.compareAndSet(seen, threshold)) {
          LOG.warn("Salesforce daily API usage at {}% ({}/{} requests)", percent, usage.used(), usage.limit());
        }
      }
    });
  }

  /** The latest usage seen, or null before the first answer carrying the header. */
  public ApiUsage latest() {
    return latest.get();
  }
}
