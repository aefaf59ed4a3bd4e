package io.activationsuite.sink.http.ratelimit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A request quota per day. With a reset zone the quota resets at midnight in that zone (HubSpot:
 * the account's time zone); without one it is a rolling 24 h allocation (Salesforce) whose reset
 * instant cannot be known from the client side.
 *
 * @param requests requests allowed per day
 * @param resetZone zone whose midnight resets the quota, or null for a rolling 24 h allocation
 */
public record DailyQuota(long requests, ZoneId resetZone) {

  public DailyQuota {
    if (requests < 1) {
      throw new IllegalArgumentException("requests must be >= 1");
    }
  }

  /** A quota resetting at midnight in {@code zone}. */
  public static DailyQuota resettingAtMidnight(long requests, ZoneId zone) {
    return new DailyQuota(requests, zone);
  }

  /** A rolling 24 h allocation. */
  public static DailyQuota rolling(long requests) {
    return new DailyQuota(requests, null);
  }

  /** The next reset strictly after {@code now}, when it is knowable. */
  public Optional<Instant> nextReset(Instant now) {
    if (resetZone == null) {
      return Optional.empty();
    }
    LocalDate today = now.atZone(resetZone).toLocalDate();
    return Optional.of(today.plusDays(1).atStartOfDay(resetZone).toInstant());
  }
}
