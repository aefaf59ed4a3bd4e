package io.activationsuite.sink.outcome;

import io.activationsuite.protocol.errors.ConfigErrorException;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;

/**
 * The optional "fail when too many records are rejected" rule: once at least {@code minimumSample} records
 * have ended, a rejected share above {@code percent} stops the sync with a config error (the mapping or
 * the data is most likely wrong, and carrying on would only fill the rejected-records store).
 */
public final class RejectionThreshold {
  private final Double percent;
  private final long minimumSample;
  private final LongAdder ended = new LongAdder();
  private final LongAdder rejected = new LongAdder();

  public RejectionThreshold(Double percent, long minimumSample) {
    this.percent = percent;
    this.minimumSample = Math.max(1, minimumSample);
  }

  /** Counts ended records; returns the error to stop with when the threshold is crossed, else null. */
  public ConfigErrorException record(int acknowledgedCount, int rejectedCount) {
    ended.add(acknowledgedCount + rejectedCount);
    rejected.add(rejectedCount);
    return check(false);
  }

  /** The error when the threshold is crossed ({@code atEnd}: with any sample size), else null. */
  public ConfigErrorException check(boolean atEnd) {
    if (percent == null) {
      return null;
    }
    long total = ended.sum();
    long bad = rejected.sum();
    if (total == 0 || (!atEnd && total < minimumSample)) {
      return null;
    }
    double share = bad * 100.0 / total;
    if (share <= percent) {
      return null;
    }
    return new ConfigErrorException(String.format(Locale.ROOT,
        "%d of %d records (%.1f%%) were rejected, more than the configured rejected_records_threshold_percent "
            + "of %s%%. Check the field mappings and the rejected records, fix them, then run the sync again "
            + "(records rejected so far are kept in the rejected-records store; an incremental sync does not "
            + "send them again).",
        bad, total, share, stripZero(percent)));
  }

  private static String stripZero(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
