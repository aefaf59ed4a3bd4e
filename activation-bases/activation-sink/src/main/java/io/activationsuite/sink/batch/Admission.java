package io.activationsuite.sink.batch;

import com.fasterxml.jackson.databind.node.TextNode;
import io.activationsuite.protocol.model.AirbyteLogMessage.Level;
import io.activationsuite.protocol.model.StreamDescriptor;
import io.activationsuite.protocol.runner.InboundRecord;
import io.activationsuite.protocol.runner.UnreadableRecord;
import io.activationsuite.sink.api.OutboundRecord;
import io.activationsuite.sink.api.RejectionReason;
import io.activationsuite.sink.coerce.CoercionException;
import io.activationsuite.sink.outcome.OutcomeRecorder;
import io.activationsuite.sink.outcome.StreamCounters;
import io.activationsuite.sink.outcome.WriteLog;
import io.activationsuite.sink.rejected.RejectedRecord;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Admission and backpressure, on the reading thread: maps and coerces each record for its stream (or
 * rejects it at once: unmapped stream, a value that does not fit, too large for one request), charges
 * its bytes to the budget - blocking when memory is full, after asking the scheduler to send everything
 * waiting - and queues it.
 */
public final class Admission {
  private static final long HEAP_PER_JSON_BYTE = 3;
  private static final long HEAP_PER_RECORD = 512;
  private final Map<StreamDescriptor, StreamLane> lanes;
  private final WriteScheduler scheduler;
  private final OutcomeRecorder recorder;
  private final ByteBudget budget;
  private final WriteLog log;
  private final Clock clock;
  private final Map<StreamDescriptor, StreamCounters> unmapped = new LinkedHashMap<>();
  private final AtomicLong correlation = new AtomicLong();

  public Admission(Map<StreamDescriptor, StreamLane> lanes, WriteScheduler scheduler, OutcomeRecorder recorder,
      ByteBudget budget, WriteLog log, Clock clock) {
    this.lanes = lanes;
    this.scheduler = scheduler;
    this.recorder = recorder;
    this.budget = budget;
    this.log = log;
    this.clock = clock;
  }

  /** Maps, charges and queues one record (may block on memory); rejects what cannot be written. */
  public void accept(InboundRecord input) throws Exception {
    scheduler.throwIfFailed();
    StreamLane lane = lanes.get(input.stream());
    if (lane == null) {
      rejectUnmapped(input);
      return;
    }
    lane.counters().received();
    OutboundRecord record;
    try {
      record = lane.mapper().map(input.data(), Long.toString(correlation.incrementAndGet()));
    } catch (CoercionException e) {
      recorder.rejectNow(lane.counters(), input, null, e.reason(), e.field(), e.getMessage(), null);
      return;
    }
    if (record.sizeBytes() > lane.limits().maxBytes()) {
      recorder.rejectNow(lane.counters(), input, record, RejectionReason.RECORD_TOO_LARGE, null,
          "The record is about " + record.sizeBytes() + " bytes once mapped; one request to "
              + lane.plan().object().name() + " takes at most " + lane.limits().maxBytes() + " bytes", null);
      return;
    }
    long charge = budget.charge(heapEstimate(input.sizeBytes(), record.sizeBytes()));
    if (!budget.tryAcquire(charge)) {
      scheduler.flushAll();
      if (!budget.acquire(charge)) {
        scheduler.throwIfFailed();
        throw new IllegalStateException("The write was closed while a record was waiting for memory");
      }
    }
    Object key = record.matchingKey() == null ? null : lane.mapper().collapseKey(record);
    scheduler.enqueue(lane, new PendingRecord(key == null ? nextInsertKey(lane) : key, record, input, charge));
  }

  /** Rejects an unreadable input line as MALFORMED_RECORD, counted in its stream when it names one. */
  public void reject(UnreadableRecord unreadable) {
    StreamDescriptor stream = unreadable.stream();
    recorder.rejectUnreadable(RejectedRecord.builder(stream == null ? null : stream.namespace(),
            stream == null || stream.name() == null || stream.name().isEmpty() ? OutcomeRecorder.UNREADABLE_STREAM
                : stream.name(), RejectionReason.MALFORMED_RECORD)
        .record(TextNode.valueOf(unreadable.rawLine()))
        .message("Input line " + unreadable.lineNumber() + " cannot be read as a record: " + unreadable.reason())
        .rejectedAt(clock.instant())
        .build());
    unreadable.ticket().rejected();
    StreamLane lane = stream == null ? null : lanes.get(stream);
    StreamCounters counters = lane != null ? lane.counters() : unmappedCounters(
        stream == null ? new StreamDescriptor(OutcomeRecorder.UNREADABLE_STREAM, null) : stream);
    counters.received();
    counters.rejected(RejectionReason.MALFORMED_RECORD, 1);
  }

  /** Counters of streams that are not in the catalog. */
  public List<StreamCounters> unmapped() {
    synchronized (unmapped) {
      return List.copyOf(unmapped.values());
    }
  }

  /** The counters of a stream outside the catalog, or null. */
  public StreamCounters unmapped(StreamDescriptor stream) {
    synchronized (unmapped) {
      return unmapped.get(stream);
    }
  }

  /**
   * The memory a buffered record holds, estimated from its JSON sizes: parsed into trees, a record takes
   * about three times its text (each field is a map entry, a node and a string), plus the engine's own
   * bookkeeping per record. Measured: a 7-field record of 230 input and 170 mapped bytes holds about 2 KB.
   */
  static long heapEstimate(long inputBytes, long mappedBytes) {
    return HEAP_PER_JSON_BYTE * (inputBytes + mappedBytes) + HEAP_PER_RECORD;
  }

  /** Only the reading thread creates insert keys, so the lane's counter needs no lock. */
  private static Object nextInsertKey(StreamLane lane) {
    return lane.nextInsertKey();
  }

  private void rejectUnmapped(InboundRecord input) {
    StreamCounters counters = unmappedCounters(input.stream());
    counters.received();
    if (counters.receivedCount() == 1) {
      log.log(Level.WARN, "Records of stream '" + input.stream() + "' are not in the configured catalog; they are "
          + "rejected as " + RejectionReason.UNMAPPED_STREAM);
    }
    recorder.rejectNow(counters, input, null, RejectionReason.UNMAPPED_STREAM, null,
        "Stream '" + input.stream() + "' is not in the configured catalog of this sync", null);
  }

  private StreamCounters unmappedCounters(StreamDescriptor stream) {
    synchronized (unmapped) {
      return unmapped.computeIfAbsent(stream, StreamCounters::new);
    }
  }
}
