package io.activationsuite.sink;

import com.fasterxml.jackson.databind.node.TextNode;
import io.activationsuite.protocol.checkpoint.StateScope;
import io.activationsuite.protocol.errors.SystemErrorException;
import io.activationsuite.protocol.model.AirbyteLogMessage.Level;
import io.activationsuite.protocol.model.StreamDescriptor;
import io.activationsuite.protocol.runner.InboundRecord;
import io.activationsuite.protocol.runner.UnreadableRecord;
import io.activationsuite.protocol.runner.WriteSession;
import io.activationsuite.sink.api.BatchWriter;
import io.activationsuite.sink.api.OutboundRecord;
import io.activationsuite.sink.api.RecordOutcome;
import io.activationsuite.sink.api.RejectionReason;
import io.activationsuite.sink.api.StreamPlan;
import io.activationsuite.sink.batch.BatchDispatch;
import io.activationsuite.sink.batch.ByteBudget;
import io.activationsuite.sink.batch.PendingRecord;
import io.activationsuite.sink.batch.StreamLane;
import io.activationsuite.sink.coerce.CoercionException;
import io.activationsuite.sink.mapping.RecordMapper;
import io.activationsuite.sink.outcome.EngineLog;
import io.activationsuite.sink.outcome.RejectionThreshold;
import io.activationsuite.sink.outcome.StreamCounters;
import io.activationsuite.sink.rejected.RejectedRecord;
import io.activationsuite.sink.rejected.RejectedRecordStore;
import io.activationsuite.sink.spec.EngineOptions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The write of one sync: maps and coerces each record on the reading thread, queues it in its stream's
 * {@link StreamLane}, and sends batches from virtual threads, at most {@code concurrency} requests at once,
 * within a byte budget that makes {@link #accept} block when the destination falls behind.
 *
 * <p>Every record ends exactly once: acknowledged when the API accepted it, or rejected after it was
 * handed to the rejected-records store. When a writer throws (quota, outage, credentials), dispatching
 * stops, requests in flight finish and end their records, and {@link #accept} / {@link #drain} throw that
 * failure; records never sent are left unended so no STATE after them is echoed.
 */
public final class ActivationWriteSession implements WriteSession {
  private static final long TICK_MIN_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
  private static final long TICK_MAX_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
  private static final long MAX_RETRY_BACKOFF_NANOS = TimeUnit.SECONDS.toNanos(30);
  private static final int MAX_UNKNOWN_FIELDS_LOGGED = 20;
  private static final String UNREADABLE_STREAM = "_unreadable_lines";

  private final Map<StreamDescriptor, StreamLane> lanes;
  private final List<StreamLane> laneOrder;
  private final RejectedRecordStore store;
  private final EngineOptions options;
  private final EngineLog log;
  private final Clock clock;
  private final ByteBudget budget;
  private final RejectionThreshold threshold;
  private final Map<StreamDescriptor, StreamCounters> unmapped = new LinkedHashMap<>();
  private final Map<StreamDescriptor, Set<String>> unknownFields = new LinkedHashMap<>();
  private final AtomicLong correlation = new AtomicLong();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final ThreadFactory requestThreads = Thread.ofVirtual().name("activation-write-", 0).factory();
  private final Thread ticker;
  private final long lingerNanos;
  private int inFlightRequests;
  private int nextLane;
  private boolean draining;
  private boolean closed;
  private boolean summaryLogged;
  private volatile Throwable failure;

  /** A stream plan and the connector's writer for it. */
  public record StreamWriter(StreamPlan plan, BatchWriter writer) {}

  public ActivationWriteSession(List<StreamWriter> streams, RejectedRecordStore store, EngineOptions options,
      EngineLog log, Clock clock) {
    this.store = store;
    this.options = options;
    this.log = log;
    this.clock = clock;
    this.budget = new ByteBudget(options.bufferBytes());
    this.threshold = new RejectionThreshold(options.rejectedThresholdPercent(), options.thresholdMinimumSample());
    this.lingerNanos = options.linger().toNanos();
    Map<StreamDescriptor, StreamLane> byStream = new LinkedHashMap<>();
    for (StreamWriter stream : streams) {
      StreamDescriptor descriptor = stream.plan().stream();
      RecordMapper mapper = new RecordMapper(stream.plan(), options.activationNullPolicy(),
          name -> unknownField(descriptor, stream.plan(), name));
      byStream.put(descriptor, new StreamLane(stream.plan(), mapper, stream.writer(),
          new StreamCounters(descriptor)));
    }
    this.lanes = byStream;
    this.laneOrder = List.copyOf(byStream.values());
    this.ticker = Thread.ofPlatform().daemon().name("activation-linger").unstarted(this::tick);
    this.ticker.start();
  }

  @Override
  public void accept(InboundRecord input) throws Exception {
    throwIfFailed();
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
      rejectNow(lane.counters(), input, null, e.reason(), e.field(), e.getMessage(), null);
      return;
    }
    if (record.sizeBytes() > lane.limits().maxBytes()) {
      rejectNow(lane.counters(), input, record, RejectionReason.RECORD_TOO_LARGE, null,
          "The record is about " + record.sizeBytes() + " bytes once mapped; one request to "
              + lane.plan().object().name() + " takes at most " + lane.limits().maxBytes() + " bytes", null);
      return;
    }
    long charge = budget.charge((long) input.sizeBytes() + record.sizeBytes());
    if (!budget.tryAcquire(charge)) {
      lock.lock();
      try {
        // memory is full: send whatever is waiting rather than wait for full batches or the linger
        laneOrder.forEach(StreamLane::requestFlush);
        pump();
      } finally {
        lock.unlock();
      }
      if (!budget.acquire(charge)) {
        throwIfFailed();
        throw new IllegalStateException("The write was closed while a record was waiting for memory");
      }
    }
    Object key = record.matchingKey() == null ? null : lane.mapper().collapseKey(record);
    lock.lock();
    try {
      if (failure != null) {
        budget.release(charge);
        throwIfFailed();
      }
      lane.add(new PendingRecord(key == null ? lane.nextInsertKey() : key, record, input, charge), System.nanoTime());
      pump();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void reject(UnreadableRecord unreadable) throws Exception {
    StreamDescriptor stream = unreadable.stream();
    store.write(RejectedRecord.builder(stream == null ? null : stream.namespace(),
            stream == null || stream.name() == null || stream.name().isEmpty() ? UNREADABLE_STREAM : stream.name(),
            RejectionReason.MALFORMED_RECORD)
        .record(TextNode.valueOf(unreadable.rawLine()))
        .message("Input line " + unreadable.lineNumber() + " cannot be read as a record: " + unreadable.reason())
        .rejectedAt(clock.instant())
        .build());
    unreadable.ticket().rejected();
    StreamLane lane = stream == null ? null : lanes.get(stream);
    StreamCounters counters = lane != null ? lane.counters() : unmappedCounters(
        stream == null ? new StreamDescriptor(UNREADABLE_STREAM, null) : stream);
    counters.received();
    counters.rejected(RejectionReason.MALFORMED_RECORD, 1);
    checkThreshold(threshold.record(0, 1));
  }

  @Override
  public void onState(StateScope scope) {
    lock.lock();
    try {
      for (StreamLane lane : laneOrder) {
        if (!lane.bulk() && (scope.isGlobal() || lane.plan().stream().equals(scope.stream()))) {
          lane.requestFlush();
        }
      }
      pump();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void drain() throws Exception {
    throwIfFailed();
    lock.lock();
    try {
      draining = true;
      long now = System.nanoTime();
      laneOrder.forEach(StreamLane::requestFlush);
      pump();
      while (failure == null && (inFlightRequests > 0 || waitingRecords() > 0)) {
        changed.await(TICK_MAX_NANOS, TimeUnit.NANOSECONDS);
        now = System.nanoTime();
        for (StreamLane lane : laneOrder) {
          lane.releaseDueRetries(now, false);
        }
        pump();
      }
      while (inFlightRequests > 0) {
        changed.await();
      }
    } finally {
      lock.unlock();
    }
    throwIfFailed();
    checkThreshold(threshold.check(true));
    throwIfFailed();
    store.flush();
    logSummary();
  }

  @Override
  public void close() throws Exception {
    lock.lock();
    try {
      closed = true;
      changed.signalAll();
      while (inFlightRequests > 0) {
        changed.await();
      }
    } finally {
      lock.unlock();
      budget.abort();
      ticker.interrupt();
    }
    try {
      store.close();
    } finally {
      logSummary();
    }
  }

  /** The byte budget, for observation (tests, benchmarks). */
  public ByteBudget budget() {
    return budget;
  }

  /** The counters of a configured stream. */
  public StreamCounters counters(StreamDescriptor stream) {
    StreamLane lane = lanes.get(stream);
    return lane != null ? lane.counters() : unmapped.get(stream);
  }

  /** Sends every batch that is due, while request slots are free. Call under the lock. */
  private void pump() {
    if (failure != null || closed) {
      return;
    }
    long now = System.nanoTime();
    int lanesCount = laneOrder.size();
    int idle = 0;
    while (inFlightRequests < options.concurrency() && idle < lanesCount) {
      StreamLane lane = laneOrder.get(nextLane);
      nextLane = (nextLane + 1) % lanesCount;
      if (!lane.ready(now, lingerNanos, draining)) {
        idle++;
        continue;
      }
      idle = 0;
      List<PendingRecord> batch = lane.takeBatch(now);
      if (batch.isEmpty()) {
        idle++;
        continue;
      }
      inFlightRequests++;
      requestThreads.newThread(() -> run(lane, batch)).start();
    }
  }

  private void run(StreamLane lane, List<PendingRecord> batch) {
    List<PendingRecord> finished = new ArrayList<>(batch.size());
    List<PendingRecord> retries = new ArrayList<>();
    try {
      BatchDispatch.send(lane, batch, new BatchDispatch.Sink() {
        @Override
        public void outcome(PendingRecord record, RecordOutcome outcome) throws Exception {
          if (outcome instanceof RecordOutcome.Retry retry) {
            record.attempted();
            lane.counters().retry();
            if (record.attempts() < options.maxAttempts()) {
              retries.add(record);
              return;
            }
            outcome = RecordOutcome.rejected(RejectionReason.RETRIES_EXHAUSTED, null,
                "Still not written after " + record.attempts() + " attempts; last answer: " + retry.message(), null);
          }
          end(lane, record, outcome);
          finished.add(record);
        }

        @Override
        public void split() {
          lane.counters().split();
        }
      });
    } catch (Throwable e) {
      fail(e);
    } finally {
      lock.lock();
      try {
        inFlightRequests--;
        finished.forEach(lane::unlock);
        long now = System.nanoTime();
        for (PendingRecord retry : retries) {
          long backoff = Math.min(MAX_RETRY_BACKOFF_NANOS,
              options.retryBackoff().toNanos() << Math.min(20, retry.attempts() - 1));
          lane.delay(retry, now + backoff);
        }
        pump();
        changed.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }

  /** Ends every input of a written record with its outcome; rejected ones go to the store first. */
  private void end(StreamLane lane, PendingRecord record, RecordOutcome outcome) throws Exception {
    int count = record.inputs().size();
    switch (outcome) {
      case RecordOutcome.Accepted accepted -> {
        // every input but the last was folded into the one after it: one write landed for all of them
        for (int i = 0; i < count - 1; i++) {
          record.inputs().get(i).ticket().merged();
        }
        record.inputs().get(count - 1).ticket().acknowledged();
        lane.counters().acknowledged(count);
        lane.counters().merged(count - 1);
        budget.release(record.charge());
        checkThreshold(threshold.record(count, 0));
      }
      case RecordOutcome.Rejected rejected -> {
        RejectionReason reason = rejected.reason() == null ? RejectionReason.REFUSED_BY_API : rejected.reason();
        for (InboundRecord input : record.inputs()) {
          store.write(rejection(input, record.record(), reason, rejected.field(), rejected.message(),
              rejected.httpStatus()));
        }
        for (InboundRecord input : record.inputs()) {
          input.ticket().rejected();
        }
        lane.counters().rejected(reason, count);
        budget.release(record.charge());
        checkThreshold(threshold.record(0, count));
      }
      case RecordOutcome.Retry retry -> throw new IllegalStateException("retries are handled before");
    }
  }

  private void rejectNow(StreamCounters counters, InboundRecord input, OutboundRecord record, RejectionReason reason,
      String field, String message, Integer status) {
    store.write(rejection(input, record, reason, field, message, status));
    input.ticket().rejected();
    counters.rejected(reason, 1);
    checkThreshold(threshold.record(0, 1));
  }

  private void rejectUnmapped(InboundRecord input) {
    StreamCounters counters = unmappedCounters(input.stream());
    counters.received();
    if (counters.receivedCount() == 1) {
      log.log(Level.WARN, "Records of stream '" + input.stream() + "' are not in the configured catalog; they are "
          + "rejected as " + RejectionReason.UNMAPPED_STREAM);
    }
    rejectNow(counters, input, null, RejectionReason.UNMAPPED_STREAM, null,
        "Stream '" + input.stream() + "' is not in the configured catalog of this sync", null);
  }

  private StreamCounters unmappedCounters(StreamDescriptor stream) {
    synchronized (unmapped) {
      return unmapped.computeIfAbsent(stream, StreamCounters::new);
    }
  }

  private RejectedRecord rejection(InboundRecord input, OutboundRecord record, RejectionReason reason, String field,
      String message, Integer status) {
    String name = input.stream().name() == null || input.stream().name().isEmpty()
        ? UNREADABLE_STREAM : input.stream().name();
    return RejectedRecord.builder(input.stream().namespace(), name, reason)
        .record(input.data())
        .payload(record == null ? null : record.payload())
        .field(field)
        .message(message)
        .httpStatus(status)
        .emittedAt(input.emittedAt())
        .rejectedAt(clock.instant())
        .build();
  }

  private void unknownField(StreamDescriptor stream, StreamPlan plan, String name) {
    Set<String> seen = unknownFields.computeIfAbsent(stream, s -> new HashSet<>());
    if (seen.size() > MAX_UNKNOWN_FIELDS_LOGGED || !seen.add(name)) {
      return;
    }
    if (seen.size() > MAX_UNKNOWN_FIELDS_LOGGED) {
      log.log(Level.WARN, "Stream '" + stream + "': more fields that " + plan.object().name()
          + " cannot take are ignored; no further ones are logged");
      return;
    }
    log.log(Level.WARN, "Stream '" + stream + "': field '" + name + "' is not a writable field of "
        + plan.object().name() + " for " + plan.operation().name().toLowerCase(java.util.Locale.ROOT)
        + "; it is ignored in every record of the stream");
  }

  private void checkThreshold(Exception error) {
    if (error != null) {
      fail(error);
    }
  }

  private void fail(Throwable error) {
    lock.lock();
    try {
      if (failure == null) {
        failure = error;
        log.log(Level.ERROR, "Stopping the write: " + sentence(error.getMessage())
            + " Requests in flight finish; records not sent are left for the next sync.");
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    budget.abort();
  }

  /** The text as one sentence ending with a single period. */
  private static String sentence(String text) {
    String trimmed = String.valueOf(text).strip();
    return trimmed.endsWith(".") ? trimmed : trimmed + ".";
  }

  private void throwIfFailed() throws Exception {
    Throwable error = failure;
    if (error == null) {
      return;
    }
    if (error instanceof Exception exception) {
      throw exception;
    }
    throw new SystemErrorException("The write failed: " + error, error);
  }

  private int waitingRecords() {
    int waiting = 0;
    for (StreamLane lane : laneOrder) {
      waiting += lane.waiting();
    }
    return waiting;
  }

  /** Sends partial batches whose linger is over and retries whose backoff is over. */
  private void tick() {
    long period = Math.max(TICK_MIN_NANOS, Math.min(TICK_MAX_NANOS, lingerNanos / 4));
    while (!Thread.currentThread().isInterrupted()) {
      lock.lock();
      try {
        if (closed) {
          return;
        }
        changed.await(period, TimeUnit.NANOSECONDS);
        long now = System.nanoTime();
        boolean moved = false;
        for (StreamLane lane : laneOrder) {
          moved |= lane.releaseDueRetries(now, false);
        }
        pump();
        if (moved) {
          changed.signalAll();
        }
      } catch (InterruptedException e) {
        return;
      } finally {
        lock.unlock();
      }
    }
  }

  private void logSummary() {
    synchronized (this) {
      if (summaryLogged) {
        return;
      }
      summaryLogged = true;
    }
    for (StreamLane lane : laneOrder) {
      log.log(Level.INFO, lane.counters().summary());
      for (RecordMapper.MissingSource missing : lane.mapper().missingSources()) {
        log.log(Level.WARN, "Stream '" + lane.plan().stream() + "': source path '" + missing.path() + "' of field '"
            + missing.destination() + "' was absent from " + missing.records() + " of "
            + lane.counters().receivedCount() + " records, so the field got no value from it; if the stream has "
            + "no such column, fix the mapping");
      }
    }
    synchronized (unmapped) {
      unmapped.values().forEach(c -> log.log(Level.WARN, c.summary()));
    }
    long rejected = laneOrder.stream().mapToLong(l -> l.counters().rejectedCount()).sum();
    if (rejected > 0) {
      log.log(Level.INFO, rejected + " rejected records " + (store.retainsRecords()
          ? "were stored at " + store.location() : "were discarded (" + store.location() + ")"));
    }
    log.log(Level.INFO, "Write engine: peak buffered " + (budget.peak() >> 10) + " KiB of a "
        + (budget.capacity() >> 10) + " KiB budget");
  }
}
