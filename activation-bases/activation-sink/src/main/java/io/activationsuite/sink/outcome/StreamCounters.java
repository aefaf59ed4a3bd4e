package io.activationsuite.sink.outcome;

import io.activationsuite.protocol.checkpoint.CheckpointStats;
import io.activationsuite.protocol.model.StreamDescriptor;
import io.activationsuite.sink.api.RejectionReason;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/** What happened to one stream's records, for logs and the end-of-sync summary. Thread-safe. */
public final class StreamCounters {
  private final StreamDescriptor stream;
  private final LongAdder received = new LongAdder();
  private final LongAdder acknowledged = new LongAdder();
  private final AtomicLongArray rejected = new AtomicLongArray(RejectionReason.values().length);
  private final LongAdder batches = new LongAdder();
  private final LongAdder retries = new LongAdder();
  private final LongAdder splits = new LongAdder();
  private final LongAdder merged = new LongAdder();

  public StreamCounters(StreamDescriptor stream) {
    this.stream = stream;
  }

  public void received() {
    received.increment();
  }

  public void acknowledged(int records) {
    acknowledged.add(records);
  }

  public void rejected(RejectionReason reason, int records) {
    rejected.addAndGet(reason.ordinal(), records);
  }

  public void batch() {
    batches.increment();
  }

  public void retry() {
    retries.increment();
  }

  public void split() {
    splits.increment();
  }

  /** Acknowledged records whose values landed folded into a later record with the same key. */
  public void merged(int records) {
    merged.add(records);
  }

  public long receivedCount() {
    return received.sum();
  }

  public long acknowledgedCount() {
    return acknowledged.sum();
  }

  public long rejectedCount() {
    long total = 0;
    for (int i = 0; i < rejected.length(); i++) {
      total += rejected.get(i);
    }
    return total;
  }

  public long rejectedCount(RejectionReason reason) {
    return rejected.get(reason.ordinal());
  }

  public long mergedCount() {
    return merged.sum();
  }

  public long batchCount() {
    return batches.sum();
  }

  public long retryCount() {
    return retries.sum();
  }

  /** One line for the sync summary. */
  public String summary() {
    StringBuilder line = new StringBuilder("Stream ").append(stream).append(": ")
        .append(received.sum()).append(" records in, ")
        .append(acknowledged.sum()).append(" acknowledged")
        .append(merged.sum() == 0 ? "" : " (" + CheckpointStats.merged(merged.sum()) + ")").append(", ")
        .append(rejectedCount()).append(" rejected");
    StringBuilder reasons = new StringBuilder();
    for (RejectionReason reason : RejectionReason.values()) {
      long count = rejected.get(reason.ordinal());
      if (count > 0) {
        reasons.append(reasons.isEmpty() ? "" : ", ").append(reason.name().toLowerCase(Locale.ROOT))
            .append('=').append(count);
      }
    }
    if (!reasons.isEmpty()) {
      line.append(" (").append(reasons).append(')');
    }
    return line.append(", ").append(batches.sum()).append(" batches, ")
        .append(retries.sum()).append(" record retries, ")
        .append(splits.sum()).append(" batch splits").toString();
  }
}
