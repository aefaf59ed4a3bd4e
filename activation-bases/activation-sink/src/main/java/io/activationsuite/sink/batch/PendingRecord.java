package io.activationsuite.sink.batch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.protocol.runner.InboundRecord;
import io.activationsuite.sink.api.OutboundRecord;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One record waiting to be written, together with the input records it stands for: several inputs with
 * the same matching key collapse into one write whose payload is theirs applied in order (later values
 * win, a later clear removes an earlier value), and every one of them ends with its outcome.
 */
public final class PendingRecord {
  private final Object key;
  private OutboundRecord record;
  private OutboundRecord resolved;
  private final List<InboundRecord> inputs;
  private long charge;
  private int attempts;
  private long eligibleAtNanos;
  private StreamLane lane;
  private long arrival;

  public PendingRecord(Object key, OutboundRecord record, InboundRecord input, long charge) {
    this.key = key;
    this.record = record;
    this.inputs = new ArrayList<>(1);
    this.inputs.add(input);
    this.charge = charge;
  }

  /** The collapse key (the matching key, or a unique sequence number for inserts). */
  public Object key() {
    return key;
  }

  public OutboundRecord record() {
    return record;
  }

  /** What the writer is given: the record with looked-up ids in place of their values, when it has any. */
  public OutboundRecord forWriter() {
    OutboundRecord copy = resolved;
    return copy != null ? copy : record;
  }

  /** The record with looked-up ids (null: none), set just before a request; see {@link LookupStage}. */
  public void resolved(OutboundRecord withIds) {
    resolved = withIds;
  }

  /** The input records this write stands for, oldest first. */
  public List<InboundRecord> inputs() {
    return inputs;
  }

  /** Budget bytes held by all inputs together. */
  public long charge() {
    return charge;
  }

  public int attempts() {
    return attempts;
  }

  public void attempted() {
    attempts++;
  }

  /** The lane (stream) this record waits in: its counters, key locks and retries. */
  public StreamLane lane() {
    return lane;
  }

  /** Arrival order across every stream of the sync, to fill requests shared by streams oldest first. */
  public long arrival() {
    return arrival;
  }

  void queuedIn(StreamLane lane, long arrival) {
    this.lane = lane;
    if (this.arrival == 0) {
      this.arrival = arrival;
    }
  }

  public long eligibleAtNanos() {
    return eligibleAtNanos;
  }

  public void eligibleAt(long nanos) {
    eligibleAtNanos = nanos;
  }

  /**
   * Folds a later write of the same key into this one: the result is what applying this one then
   * {@code later} leaves at the destination. {@code maxBytes} caps the size estimate so the merged record
   * still fits a request on its own.
   */
  public void absorb(PendingRecord later, long maxBytes) {
    OutboundRecord next = later.record;
    ObjectNode payload = record.payload();
    payload.setAll(next.payload());
    Set<String> nulls = new HashSet<>(record.nullFields());
    nulls.removeAll(next.payload().properties().stream().map(java.util.Map.Entry::getKey).toList());
    nulls.addAll(next.nullFields());
    nulls.forEach(payload::remove);
    long size = Math.min(maxBytes, (long) record.sizeBytes() + next.sizeBytes());
    record = new OutboundRecord(next.correlationId(), next.matchingKey(), payload, Set.copyOf(nulls), (int) size);
    resolved = null;
    inputs.addAll(later.inputs);
    charge += later.charge;
    attempts = Math.max(attempts, later.attempts);
  }
}
