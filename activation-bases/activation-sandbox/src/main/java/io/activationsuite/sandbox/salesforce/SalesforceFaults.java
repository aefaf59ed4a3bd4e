package io.activationsuite.sandbox.salesforce;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Salesforce-specific failures tests can arm: the next Bulk job failing part-way, and record-lock
 * contention ({@code UNABLE_TO_LOCK_ROW}) on the next N record writes of Collections or Bulk. HTTP-level
 * faults (5xx, latency, dropped connections) come from the sandbox core.
 */
public final class SalesforceFaults {
  /** Default {@code errorMessage} of a job failed by {@link #failNextJob(int)}. */
  public static final String DEFAULT_JOB_FAILURE =
      "InternalServerError : Failed to process the job after the maximum number of retries";

  /**
   * A pending job failure.
   *
   * @param afterRecords records processed before the job fails
   * @param message the job's errorMessage
   */
  public record JobFailure(int afterRecords, String message) {
  }

  private final AtomicReference<JobFailure> nextJobFailure = new AtomicReference<>();
  private final AtomicInteger lockedWrites = new AtomicInteger();

  /** The next Bulk job that starts processing fails after {@code afterRecords} records. */
  public void failNextJob(int afterRecords) {
    failNextJob(afterRecords, DEFAULT_JOB_FAILURE);
  }

  /** Like {@link #failNextJob(int)} with a custom errorMessage. */
  public void failNextJob(int afterRecords, String message) {
    if (afterRecords < 0) {
      throw new IllegalArgumentException("afterRecords must not be negative");
    }
    nextJobFailure.set(new JobFailure(afterRecords, message));
  }

  /** The next {@code count} record writes fail with UNABLE_TO_LOCK_ROW (transient; retrying succeeds). */
  public void lockNextRecords(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative");
    }
    lockedWrites.set(count);
  }

  /** Disarms everything. */
  public void clear() {
    nextJobFailure.set(null);
    lockedWrites.set(0);
  }

  Optional<JobFailure> takeJobFailure() {
    return Optional.ofNullable(nextJobFailure.getAndSet(null));
  }

  boolean takeRecordLock() {
    return lockedWrites.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
  }

  static SaveError lockError(String id) {
    return SaveError.of(StatusCode.UNABLE_TO_LOCK_ROW,
        "unable to obtain exclusive access to this record or 1 records: " + (id == null ? "" : id));
  }
}
