package io.activationsuite.sandbox.salesforce;

import java.time.Duration;

/**
 * How fast the emulated Bulk engine works: a queueing delay before a closed job starts, a throughput in
 * records per second per job, and the size of the internal chunks (Salesforce uses 10,000). Time passes on
 * a real scheduler, so connectors poll exactly as against Salesforce; {@link #scaled} speeds it up for tests.
 *
 * @param startDelay wait between UploadComplete and InProgress
 * @param recordsPerSecond per-job throughput; 0 or less means no per-record delay
 * @param chunkSize records per internal chunk (results become visible chunk by chunk)
 */
public record BulkProcessingProfile(Duration startDelay, double recordsPerSecond, int chunkSize) {

  /** Validates the values. */
  public BulkProcessingProfile {
    if (startDelay.isNegative()) {
      throw new IllegalArgumentException("startDelay must not be negative");
    }
    if (chunkSize < 1) {
      throw new IllegalArgumentException("chunkSize must be positive");
    }
  }

  /** Jobs start and finish as soon as the scheduler runs them (unit tests). */
  public static BulkProcessingProfile instant() {
    return new BulkProcessingProfile(Duration.ZERO, 0, 10_000);
  }

  /** A plausible production org: 2 s queueing, 2,000 records/s per job, 10,000-record chunks. */
  public static BulkProcessingProfile realistic() {
    return new BulkProcessingProfile(Duration.ofSeconds(2), 2_000, 10_000);
  }

  /** The same profile running {@code factor} times faster (e.g. 100 turns 2 s into 20 ms). */
  public BulkProcessingProfile scaled(double factor) {
    if (factor <= 0) {
      throw new IllegalArgumentException("factor must be positive");
    }
    return new BulkProcessingProfile(Duration.ofNanos((long) (startDelay.toNanos() / factor)),
        recordsPerSecond <= 0 ? 0 : recordsPerSecond * factor, chunkSize);
  }

  /** Time one chunk of {@code records} takes. */
  public Duration chunkDuration(int records) {
    if (recordsPerSecond <= 0) {
      return Duration.ZERO;
    }
    return Duration.ofNanos((long) (records / recordsPerSecond * 1_000_000_000L));
  }
}
