package io.activationsuite.sandbox.zendesk;

import java.time.Duration;

/**
 * How fast the emulated Zendesk job workers are: how long a job stays {@code queued} and how many items
 * per second it works through once {@code working}. Zendesk publishes no figures; {@link #realistic()} is
 * a plausible account (1 s queued, 100 items/s, so about 2 s per 100-item job). Time passes on a real
 * scheduler, so clients poll as against Zendesk; {@link #scaled} speeds a profile up.
 *
 * @param queuedDelay time between the request and the job starting
 * @param itemsPerSecond items processed per second per job; 0 or less means no per-item delay
 */
public record JobProfile(Duration queuedDelay, double itemsPerSecond) {

  /** Validates the values. */
  public JobProfile {
    if (queuedDelay.isNegative()) {
      throw new IllegalArgumentException("queuedDelay must not be negative");
    }
  }

  /** Jobs run as soon as the scheduler picks them up (unit tests). */
  public static JobProfile instant() {
    return new JobProfile(Duration.ZERO, 0);
  }

  /** A plausible production account: 1 s queued, then 100 items per second. */
  public static JobProfile realistic() {
    return new JobProfile(Duration.ofSeconds(1), 100);
  }

  /** Parses {@code instant}, {@code realistic}, {@code realistic/10} (ten times faster) or {@code 500ms,200}. */
  public static JobProfile parse(String text) {
    String t = text.trim();
    int slash = t.indexOf('/');
    if (slash > 0) {
      return parse(t.substring(0, slash)).scaled(Double.parseDouble(t.substring(slash + 1)));
    }
    if (t.equals("instant")) {
      return instant();
    }
    if (t.equals("realistic")) {
      return realistic();
    }
    String[] parts = t.split(",");
    String delay = parts[0].trim();
    long millis = Long.parseLong(delay.endsWith("ms") ? delay.substring(0, delay.length() - 2) : delay);
    return new JobProfile(Duration.ofMillis(millis), parts.length > 1 ? Double.parseDouble(parts[1].trim()) : 0);
  }

  /** The same profile running {@code factor} times faster. */
  public JobProfile scaled(double factor) {
    if (factor <= 0) {
      throw new IllegalArgumentException("factor must be positive");
    }
    return new JobProfile(Duration.ofNanos((long) (queuedDelay.toNanos() / factor)),
        itemsPerSecond <= 0 ? 0 : itemsPerSecond * factor);
  }

  /** How long a job of {@code items} items stays working. */
  public Duration workDuration(int items) {
    return itemsPerSecond <= 0 ? Duration.ZERO : Duration.ofNanos((long) (items / itemsPerSecond * 1e9));
  }
}
