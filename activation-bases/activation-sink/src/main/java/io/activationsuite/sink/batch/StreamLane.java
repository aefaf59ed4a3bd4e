package io.activationsuite.sink.batch;

import io.activationsuite.sink.api.BatchLimits;
import io.activationsuite.sink.api.BatchWriter;
import io.activationsuite.sink.api.ComposedWriter;
import io.activationsuite.sink.api.JobWriter;
import io.activationsuite.sink.api.RequestDraft;
import io.activationsuite.sink.api.StreamPlan;
import io.activationsuite.sink.api.StreamRecord;
import io.activationsuite.sink.mapping.RecordMapper;
import io.activationsuite.sink.outcome.StreamCounters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The write queue of one stream. Records wait here in arrival order, keyed by matching key: a record whose
 * key is already waiting is folded into it (see {@link PendingRecord#absorb}), and a record whose key is in
 * flight (or waiting for a retry) stays here until that request is over, so one key is never in two
 * requests at once and the destination ends up as if the input had been applied in order.
 *
 * <p>The writer's shape decides how a request is cut: up to the limits for a plain {@link BatchWriter};
 * one group, filled until the connector's draft is full, for a {@link ComposedWriter}; a share of what is
 * waiting, spread over parallel jobs, for a {@link JobWriter}.
 *
 * <p>Lanes whose composers share a {@link ComposedWriter#requestPool() request pool} fill requests
 * together: the oldest sendable record of the pool's lanes opens the request, and the others join it in
 * arrival order; each record stays in its own lane for key locks, retries and accounting.
 *
 * <p>Not thread-safe: the session calls it under its own lock.
 */
public final class StreamLane {
  private static final AtomicLong ARRIVALS = new AtomicLong();
  private final StreamPlan plan;
  private final RecordMapper mapper;
  private final BatchWriter writer;
  private final BatchLimits limits;
  private final boolean bulk;
  private final ComposedWriter composer;
  private final JobWriter<?> jobs;
  private final StreamCounters counters;
  private final LookupStage lookups;
  private final LinkedHashMap<Object, PendingRecord> pending = new LinkedHashMap<>();
  private final Set<Object> locked = new HashSet<>();
  private final List<PendingRecord> delayed = new ArrayList<>();
  private long pendingBytes;
  private int blockedCount;
  private long blockedBytes;
  private long waitingSinceNanos;
  private boolean flushRequested;
  private long insertSequence;
  private List<StreamLane> pool = List.of(this);

  public StreamLane(StreamPlan plan, RecordMapper mapper, BatchWriter writer, StreamCounters counters) {
    this(plan, mapper, writer, counters, LookupStage.NONE);
  }

  /** A lane whose records get looked-up ids from {@code lookups} just before each request. */
  public StreamLane(StreamPlan plan, RecordMapper mapper, BatchWriter writer, StreamCounters counters,
      LookupStage lookups) {
    this.lookups = lookups;
    this.plan = plan;
    this.mapper = mapper;
    this.writer = writer;
    this.limits = writer.limits();
    this.bulk = writer.prefersFullBatches();
    this.composer = writer instanceof ComposedWriter composed ? composed : null;
    this.jobs = writer instanceof JobWriter<?> jobWriter ? jobWriter : null;
    this.counters = counters;
  }

  /** The lookups applied to each request's records (often none). */
  public LookupStage lookups() {
    return lookups;
  }

  /** The writer as a composer of its own requests, or null. */
  public ComposedWriter composer() {
    return composer;
  }

  /** Joins the lanes (this one included) whose requests are shared. */
  public void pool(List<StreamLane> lanes) {
    this.pool = List.copyOf(lanes);
  }

  /** Whether this lane's requests are shared with other streams' lanes. */
  public boolean shared() {
    return pool.size() > 1;
  }

  /** The writer as an asynchronous job writer, or null. */
  public JobWriter<?> jobs() {
    return jobs;
  }

  public StreamPlan plan() {
    return plan;
  }

  public RecordMapper mapper() {
    return mapper;
  }

  public BatchWriter writer() {
    return writer;
  }

  public BatchLimits limits() {
    return limits;
  }

  public boolean bulk() {
    return bulk;
  }

  public StreamCounters counters() {
    return counters;
  }

  /** A new key for a record without a matching key (inserts never collapse). */
  public Object nextInsertKey() {
    return ++insertSequence;
  }

  /** Queues a record, folding it into a waiting one with the same key. */
  public void add(PendingRecord record, long nowNanos) {
    record.queuedIn(this, ARRIVALS.incrementAndGet());
    PendingRecord waiting = pending.get(record.key());
    if (waiting != null) {
      long before = waiting.record().sizeBytes();
      waiting.absorb(record, limits.maxBytes());
      adjustBytes(waiting, waiting.record().sizeBytes() - before);
      return;
    }
    if (pending.isEmpty()) {
      waitingSinceNanos = nowNanos;
    }
    pending.put(record.key(), record);
    adjustBytes(record, record.record().sizeBytes());
    if (locked.contains(record.key())) {
      blockedCount++;
    }
  }

  /** Asks for every sendable record to go out, full batches or not. */
  public void requestFlush() {
    flushRequested = true;
  }

  /** Whether a batch should be sent now. */
  public boolean ready(long nowNanos, long lingerNanos, boolean draining) {
    int own = pending.size() - blockedCount;
    if (own <= 0) {
      flushRequested = false;
      return false;
    }
    int eligible = own;
    long eligibleBytes = pendingBytes - blockedBytes;
    if (shared()) {
      for (StreamLane other : pool) {
        if (other != this) {
          eligible += other.pending.size() - other.blockedCount;
          eligibleBytes += other.pendingBytes - other.blockedBytes;
        }
      }
    }
    if (eligible >= limits.maxRecords() || eligibleBytes >= limits.maxBytes()) {
      return true;
    }
    if (draining) {
      return true;
    }
    if (jobs != null) {
      // jobs start while input still arrives, as soon as one is worth its fixed cost; smaller ones wait
      // for the linger or the end of input
      if (eligible >= jobs.jobLimits().minRecordsPerJob()) {
        return true;
      }
    } else if (flushRequested) {
      return true;
    }
    long linger = bulk ? lingerNanos * 10 : lingerNanos;
    return nowNanos - waitingSinceNanos >= linger;
  }

  /**
   * How many waiting records this lane can put to use: a full request for each of {@code requestSlots}
   * slots and one more to send as soon as a slot frees; for a job writer, full jobs for all its job slots
   * (at least one job of its minimum size). Reading further ahead only holds records in memory longer.
   */
  public long readAhead(int requestSlots) {
    if (jobs != null) {
      long full = (long) jobs.jobLimits().maxJobsInFlight() * limits.maxRecords();
      return Math.max(jobs.jobLimits().minRecordsPerJob(), full);
    }
    return ((long) requestSlots + 1) * limits.maxRecords();
  }

  /** Takes the next batch (oldest sendable records first, within the writer's limits) and locks its keys. */
  public List<PendingRecord> takeBatch(long nowNanos) {
    return takeBatch(nowNanos, limits.maxRecords());
  }

  /**
   * The size of the next job when {@code jobSlots} jobs may run at once: what is sendable, spread evenly
   * over all the slots (so a backlog becomes parallel jobs, not one large one), at least the writer's
   * minimum and at most its limit.
   */
  public int nextJobSize(int jobSlots) {
    int eligible = pending.size() - blockedCount;
    int share = (eligible + jobSlots - 1) / Math.max(1, jobSlots);
    return Math.min(limits.maxRecords(), Math.max(jobs.jobLimits().minRecordsPerJob(), share));
  }

  /** Takes at most {@code maxCount} sendable records, oldest first, within the byte limit; locks their keys. */
  public List<PendingRecord> takeBatch(long nowNanos, int maxCount) {
    int most = Math.min(maxCount, limits.maxRecords());
    List<PendingRecord> batch = new ArrayList<>(Math.min(most, pending.size()));
    long bytes = 0;
    Iterator<PendingRecord> iterator = pending.values().iterator();
    while (iterator.hasNext() && batch.size() < most) {
      PendingRecord candidate = iterator.next();
      if (locked.contains(candidate.key())) {
        continue;
      }
      int size = candidate.record().sizeBytes();
      if (!batch.isEmpty() && bytes + size > limits.maxBytes()) {
        break;
      }
      iterator.remove();
      pendingBytes -= size;
      bytes += size;
      locked.add(candidate.key());
      batch.add(candidate);
    }
    waitingSinceNanos = nowNanos;
    return batch;
  }

  /**
   * Takes the next composed request: the oldest sendable record opens a draft of its group, and the
   * following sendable records of that group join it in order until the draft refuses one. When the
   * draft refuses even the first record, the request holds it alone, marked as not fitting.
   */
  public ComposedRequest takeRequest(long nowNanos) {
    if (shared()) {
      return takeShared(nowNanos);
    }
    PendingRecord first = null;
    for (PendingRecord candidate : pending.values()) {
      if (!locked.contains(candidate.key())) {
        first = candidate;
        break;
      }
    }
    waitingSinceNanos = nowNanos;
    if (first == null) {
      return new ComposedRequest(null, List.of(), true);
    }
    Object group = composer.group(first.record());
    RequestDraft draft = composer.newRequest(group);
    boolean fits = draft.tryAdd(first.record());
    List<PendingRecord> request = new ArrayList<>();
    take(first, request);
    if (!fits) {
      return new ComposedRequest(group, request, false);
    }
    long bytes = first.record().sizeBytes();
    Iterator<PendingRecord> iterator = pending.values().iterator();
    while (iterator.hasNext() && request.size() < limits.maxRecords()) {
      PendingRecord candidate = iterator.next();
      if (locked.contains(candidate.key()) || !group.equals(composer.group(candidate.record()))) {
        continue;
      }
      int size = candidate.record().sizeBytes();
      if (bytes + size > limits.maxBytes() || !draft.tryAdd(candidate.record())) {
        break;
      }
      bytes += size;
      iterator.remove();
      pendingBytes -= size;
      locked.add(candidate.key());
      request.add(candidate);
    }
    return new ComposedRequest(group, request, true);
  }

  /**
   * Takes the next request shared by the pool's lanes: the oldest sendable record of any of them opens a
   * draft of its group with its own lane's composer, and the following sendable records of that group, of
   * all the pool's lanes, join it in arrival order until the draft refuses one.
   */
  private ComposedRequest takeShared(long nowNanos) {
    List<Cursor> cursors = new ArrayList<>(pool.size());
    for (StreamLane lane : pool) {
      lane.waitingSinceNanos = nowNanos;
      cursors.add(new Cursor(lane));
    }
    Cursor opening = oldest(cursors, null);
    if (opening == null) {
      return new ComposedRequest(null, List.of(), true);
    }
    PendingRecord first = opening.head;
    StreamLane firstLane = opening.lane;
    Object group = firstLane.composer.group(first.record());
    RequestDraft draft = firstLane.composer.newRequest(group);
    boolean fits = draft.tryAdd(new StreamRecord(firstLane.plan, first.record()));
    List<PendingRecord> request = new ArrayList<>();
    opening.take(request);
    if (!fits) {
      return new ComposedRequest(group, request, false);
    }
    long bytes = first.record().sizeBytes();
    while (request.size() < limits.maxRecords()) {
      Cursor next = oldest(cursors, group);
      if (next == null) {
        break;
      }
      int size = next.head.record().sizeBytes();
      if (bytes + size > limits.maxBytes() || !draft.tryAdd(new StreamRecord(next.lane.plan, next.head.record()))) {
        break;
      }
      bytes += size;
      next.take(request);
    }
    return new ComposedRequest(group, request, true);
  }

  /** The cursor whose next sendable record (of {@code group}, when not null) arrived first, or null. */
  private static Cursor oldest(List<Cursor> cursors, Object group) {
    Cursor oldest = null;
    for (Cursor cursor : cursors) {
      PendingRecord head = cursor.head(group);
      if (head != null && (oldest == null || head.arrival() < oldest.head.arrival())) {
        oldest = cursor;
      }
    }
    return oldest;
  }

  /** Walks one lane's sendable records in order, for a shared request. */
  private static final class Cursor {
    final StreamLane lane;
    final Iterator<PendingRecord> iterator;
    PendingRecord head;

    Cursor(StreamLane lane) {
      this.lane = lane;
      this.iterator = lane.pending.values().iterator();
    }

    /** The next record not locked (and of {@code group}, when not null), or null. */
    PendingRecord head(Object group) {
      while (head == null || lane.locked.contains(head.key())
          || group != null && !group.equals(lane.composer.group(head.record()))) {
        if (!iterator.hasNext()) {
          head = null;
          return null;
        }
        head = iterator.next();
      }
      return head;
    }

    void take(List<PendingRecord> into) {
      iterator.remove();
      lane.pendingBytes -= head.record().sizeBytes();
      lane.locked.add(head.key());
      into.add(head);
      head = null;
    }
  }

  private void take(PendingRecord record, List<PendingRecord> into) {
    pending.remove(record.key());
    pendingBytes -= record.record().sizeBytes();
    locked.add(record.key());
    into.add(record);
  }

  /**
   * One request of a {@link ComposedWriter}: its group and records ({@code fits} false when the first
   * record alone does not fit an empty draft).
   */
  public record ComposedRequest(Object group, List<PendingRecord> records, boolean fits) {}

  /** A request is over for this record: its key may be sent again. */
  public void unlock(PendingRecord record) {
    locked.remove(record.key());
    PendingRecord waiting = pending.get(record.key());
    if (waiting != null) {
      blockedCount--;
      blockedBytes -= waiting.record().sizeBytes();
    }
  }

  /** Holds a record for a retry after {@code eligibleAtNanos}; its key stays locked meanwhile. */
  public void delay(PendingRecord record, long eligibleAtNanos) {
    record.eligibleAt(eligibleAtNanos);
    delayed.add(record);
  }

  /**
   * Puts retries whose time has come back in the queue, ahead of any later write of the same key (which
   * is folded into the retried one). Returns whether any was moved.
   */
  public boolean releaseDueRetries(long nowNanos, boolean all) {
    boolean moved = false;
    Iterator<PendingRecord> iterator = delayed.iterator();
    while (iterator.hasNext()) {
      PendingRecord retry = iterator.next();
      if (!all && retry.eligibleAtNanos() > nowNanos) {
        continue;
      }
      iterator.remove();
      moved = true;
      PendingRecord later = pending.remove(retry.key());
      locked.remove(retry.key());
      if (later != null) {
        pendingBytes -= later.record().sizeBytes();
        blockedCount--;
        blockedBytes -= later.record().sizeBytes();
        retry.absorb(later, limits.maxBytes());
      }
      if (pending.isEmpty()) {
        waitingSinceNanos = nowNanos;
      }
      pending.put(retry.key(), retry);
      pendingBytes += retry.record().sizeBytes();
    }
    return moved;
  }

  /** The earliest time a delayed retry becomes due, or {@link Long#MAX_VALUE}. */
  public long nextRetryNanos() {
    long next = Long.MAX_VALUE;
    for (PendingRecord retry : delayed) {
      next = Math.min(next, retry.eligibleAtNanos());
    }
    return next;
  }

  /** Records waiting here (queued or delayed), not counting those in flight. */
  public int waiting() {
    return pending.size() + delayed.size();
  }

  /** Everything still queued or delayed, for the final accounting of a stopped sync. */
  public List<PendingRecord> drainAll() {
    List<PendingRecord> all = new ArrayList<>(pending.values());
    all.addAll(delayed);
    pending.clear();
    delayed.clear();
    pendingBytes = 0;
    blockedCount = 0;
    blockedBytes = 0;
    return all;
  }

  private void adjustBytes(PendingRecord record, long delta) {
    pendingBytes += delta;
    if (locked.contains(record.key())) {
      blockedBytes += delta;
    }
  }
}
