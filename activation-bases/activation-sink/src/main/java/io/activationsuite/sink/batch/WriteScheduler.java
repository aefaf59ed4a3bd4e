package io.activationsuite.sink.batch;

import io.activationsuite.protocol.checkpoint.StateScope;
import io.activationsuite.protocol.errors.SystemErrorException;
import io.activationsuite.sink.api.RecordOutcome;
import io.activationsuite.sink.api.RejectionReason;
import io.activationsuite.sink.outcome.OutcomeRecorder;
import io.activationsuite.sink.outcome.WriteLog;
import io.activationsuite.sink.spec.EngineOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Scheduling: decides what is sent when. At most {@code concurrency} requests are in flight, each on a
 * virtual thread: plain batches, composed requests, job submissions and job polls alike. Asynchronous
 * jobs hold no request slot while they run: they wait on one shared poll schedule ({@link RunningJobs}),
 * due jobs of a writer are asked about together (up to its {@code maxJobsPerPoll}, with its other running
 * jobs riding along when a poll takes several), and at most
 * {@code maxJobsInFlight} run at once. Polls go before new requests, so running jobs finish and free their
 * keys first.
 *
 * <p>When a request fails the sync, nothing new is sent; requests in flight finish, and running jobs are
 * still polled to their end (their records may already be applied) unless a poll itself failed.
 */
public final class WriteScheduler {
  private static final long TICK_MIN_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
  private static final long TICK_MAX_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
  private static final long MAX_RETRY_BACKOFF_NANOS = TimeUnit.SECONDS.toNanos(30);

  private final List<StreamLane> lanes;
  private final EngineOptions options;
  private final OutcomeRecorder recorder;
  private final WriteLog log;
  private final ByteBudget budget;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final ThreadFactory requestThreads = Thread.ofVirtual().name("activation-write-", 0).factory();
  private final Thread ticker;
  private final long lingerNanos;
  private final long readAheadRecords;
  private final RunningJobs jobs = new RunningJobs();
  private int inFlightRequests;
  private int nextLane;
  private boolean draining;
  private boolean closed;
  private volatile Throwable failure;

  public WriteScheduler(List<StreamLane> lanes, EngineOptions options, OutcomeRecorder recorder, WriteLog log,
      ByteBudget budget) {
    this.lanes = List.copyOf(lanes);
    this.options = options;
    this.recorder = recorder;
    this.log = log;
    this.budget = budget;
    this.lingerNanos = options.linger().toNanos();
    this.readAheadRecords = this.lanes.stream().mapToLong(lane -> lane.readAhead(options.concurrency()))
        .reduce(0, WriteScheduler::saturatedSum);
    Map<Object, List<StreamLane>> pools = new LinkedHashMap<>();
    for (StreamLane lane : this.lanes) {
      Object pool = lane.composer() == null ? null : lane.composer().requestPool();
      if (pool != null) {
        pools.computeIfAbsent(pool, p -> new ArrayList<>()).add(lane);
      }
    }
    pools.values().stream().filter(pool -> pool.size() > 1).forEach(pool -> pool.forEach(lane -> lane.pool(pool)));
    this.ticker = Thread.ofPlatform().daemon().name("activation-linger").unstarted(this::tick);
    this.ticker.start();
  }

  /** Queues a mapped record in its lane and sends what is due; throws the sync's failure if any. */
  public void enqueue(StreamLane lane, PendingRecord record) throws Exception {
    lock.lock();
    try {
      if (failure != null) {
        budget.release(record.charge());
        throwIfFailed();
      }
      lane.add(record, System.nanoTime());
      pump();
      awaitReadAhead();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Backpressure by count, beside the memory budget: while more records wait than the lanes can put to
   * use ({@link StreamLane#readAhead}), what waits is sent and the reading thread waits for requests to
   * end. Records read further ahead would only live longer in memory (costing the collector) and send
   * nothing sooner. Under the lock.
   */
  private void awaitReadAhead() throws InterruptedException {
    if (waitingRecords() < readAheadRecords) {
      return;
    }
    lanes.forEach(StreamLane::requestFlush);
    pump();
    while (failure == null && !closed && waitingRecords() >= readAheadRecords) {
      changed.await(TICK_MAX_NANOS, TimeUnit.NANOSECONDS);
    }
  }

  private static long saturatedSum(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }

  /** Memory is full: send whatever is waiting rather than wait for full batches or the linger. */
  public void flushAll() {
    lock.lock();
    try {
      lanes.forEach(StreamLane::requestFlush);
      pump();
    } finally {
      lock.unlock();
    }
  }

  /** A checkpoint is waiting in {@code scope}: its partial batches go out soon. */
  public void onState(StateScope scope) {
    lock.lock();
    try {
      for (StreamLane lane : lanes) {
        if (!lane.bulk() && (scope.isGlobal() || lane.plan().stream().equals(scope.stream()))) {
          lane.requestFlush();
        }
      }
      pump();
    } finally {
      lock.unlock();
    }
  }

  /** Sends everything left and waits until every request and job is over (or the sync failed). */
  public void drain() throws Exception {
    throwIfFailed();
    lock.lock();
    try {
      draining = true;
      lanes.forEach(StreamLane::requestFlush);
      pump();
      while (failure == null && (inFlightRequests > 0 || waitingRecords() > 0 || !jobs.isEmpty())) {
        changed.await(TICK_MAX_NANOS, TimeUnit.NANOSECONDS);
        long now = System.nanoTime();
        for (StreamLane lane : lanes) {
          lane.releaseDueRetries(now, false);
        }
        pump();
      }
      awaitQuiet();
    } finally {
      lock.unlock();
    }
    throwIfFailed();
  }

  /** Stops: waits for requests in flight; jobs still running are left to the API. */
  public void close() throws InterruptedException {
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
  }

  /** Records the sync's failure (the first one wins): nothing new is sent from now on. */
  public void fail(Throwable error) {
    lock.lock();
    try {
      if (failure == null) {
        failure = error;
        log.stopping(error);
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    budget.abort();
  }

  public void throwIfFailed() throws Exception {
    Throwable error = failure;
    if (error == null) {
      return;
    }
    if (error instanceof Exception exception) {
      throw exception;
    }
    throw new SystemErrorException("The write failed: " + error, error);
  }

  /** The most asynchronous jobs that ran at once (for logs and tests). */
  public int peakJobs() {
    lock.lock();
    try {
      return jobs.peak();
    } finally {
      lock.unlock();
    }
  }

  /** After a failure: requests in flight finish, and running jobs are polled to their end. Under the lock. */
  private void awaitQuiet() throws InterruptedException {
    while (inFlightRequests > 0 || (!closed && !jobs.isEmpty())) {
      changed.await(TICK_MAX_NANOS, TimeUnit.NANOSECONDS);
      pump();
    }
  }

  /** Sends every poll and request that is due, while request slots are free. Call under the lock. */
  private void pump() {
    if (closed) {
      return;
    }
    long now = System.nanoTime();
    dispatchPolls(now);
    if (failure != null) {
      return;
    }
    int lanesCount = lanes.size();
    int idle = 0;
    while (inFlightRequests < options.concurrency() && idle < lanesCount) {
      StreamLane lane = lanes.get(nextLane);
      nextLane = (nextLane + 1) % lanesCount;
      if (!lane.ready(now, lingerNanos, draining) || !dispatch(lane, now)) {
        idle++;
        continue;
      }
      idle = 0;
    }
  }

  /** Starts the next request of a ready lane; false when it has nothing to send now. */
  private boolean dispatch(StreamLane lane, long now) {
    if (lane.jobs() != null) {
      int maxJobs = lane.jobs().jobLimits().maxJobsInFlight();
      if (!jobs.roomFor(maxJobs)) {
        return false;
      }
      List<PendingRecord> batch = lane.takeBatch(now, lane.nextJobSize(maxJobs));
      if (batch.isEmpty()) {
        return false;
      }
      jobs.submitting();
      start(() -> submit(lane, batch));
      return true;
    }
    if (lane.composer() != null) {
      StreamLane.ComposedRequest request = lane.takeRequest(now);
      if (request.records().isEmpty()) {
        return false;
      }
      start(() -> send(lane, sink -> BatchDispatch.sendComposed(lane, request, sink)));
      return true;
    }
    List<PendingRecord> batch = lane.takeBatch(now);
    if (batch.isEmpty()) {
      return false;
    }
    start(() -> send(lane, sink -> BatchDispatch.send(lane, batch, sink)));
    return true;
  }

  private void dispatchPolls(long now) {
    while (inFlightRequests < options.concurrency()) {
      List<RunningJob> due = jobs.nextPoll(now);
      if (due.isEmpty()) {
        return;
      }
      start(() -> poll(due));
    }
  }

  private void start(Runnable request) {
    inFlightRequests++;
    requestThreads.newThread(request).start();
  }

  /** One request: sends, then settles every record it concerned. */
  private void send(StreamLane lane, Step step) {
    Settlement settlement = new Settlement(lane);
    try {
      step.run(settlement);
    } catch (Throwable e) {
      fail(e);
    } finally {
      settle(settlement, () -> { });
    }
  }

  private void submit(StreamLane lane, List<PendingRecord> batch) {
    Settlement settlement = new Settlement(lane);
    long now = System.nanoTime();
    try {
      BatchDispatch.submit(lane, batch, settlement);
    } catch (Throwable e) {
      fail(e);
    } finally {
      settle(settlement, () -> {
        List<RunningJob> started = new ArrayList<>();
        for (Settlement.Started job : settlement.started) {
          started.add(jobs.started(lane, job.job(), job.records(), now));
        }
        jobs.submitted(started);
      });
    }
  }

  /** One poll request: asks about due jobs of one writer and settles the records of those that finished. */
  private void poll(List<RunningJob> due) {
    Settlement settlement = new Settlement(due.get(0).lane);
    List<RunningJob> over = new ArrayList<>();
    boolean pollFailed = false;
    try {
      RunningJobs.poll(due, over, settlement, this::fail);
    } catch (Throwable e) {
      pollFailed = true;
      fail(e);
    } finally {
      boolean failed = pollFailed;
      settle(settlement, () -> jobs.polled(due, over, failed, System.nanoTime()));
    }
  }

  /** Under the lock: frees the slot, unlocks ended keys, delays retries, then sends what is due. */
  private void settle(Settlement settlement, Runnable also) {
    lock.lock();
    try {
      inFlightRequests--;
      also.run();
      settlement.finished.forEach(record -> record.lane().unlock(record));
      long now = System.nanoTime();
      for (PendingRecord retry : settlement.retries) {
        long backoff = Math.min(MAX_RETRY_BACKOFF_NANOS,
            options.retryBackoff().toNanos() << Math.min(20, retry.attempts() - 1));
        retry.lane().delay(retry, now + backoff);
      }
      pump();
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private long waitingRecords() {
    long waiting = 0;
    for (StreamLane lane : lanes) {
      waiting += lane.waiting();
    }
    return waiting;
  }

  /** Sends partial batches whose linger is over, retries whose backoff is over, and due polls. */
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
        for (StreamLane lane : lanes) {
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

  /** What one request does with its settlement. */
  private interface Step {
    void run(Settlement settlement) throws Exception;
  }

  /**
   * The outcomes of one request: ended records, retries to delay, jobs started. Each record is accounted
   * in its own lane (a shared request carries records of several streams).
   */
  private final class Settlement implements BatchDispatch.Sink {
    final StreamLane lane;
    final List<PendingRecord> finished = new ArrayList<>();
    final List<PendingRecord> retries = new ArrayList<>();
    final List<Started> started = new ArrayList<>();

    Settlement(StreamLane lane) {
      this.lane = lane;
    }

    /** A job and its records. */
    record Started(Object job, List<PendingRecord> records) {}

    @Override
    public void outcome(PendingRecord record, RecordOutcome outcome) throws Exception {
      StreamLane own = record.lane();
      if (outcome instanceof RecordOutcome.Retry retry) {
        record.attempted();
        own.counters().retry();
        if (record.attempts() < options.maxAttempts()) {
          retries.add(record);
          return;
        }
        outcome = RecordOutcome.rejected(RejectionReason.RETRIES_EXHAUSTED, null,
            "Still not written after " + record.attempts() + " attempts; last answer: " + retry.message(), null);
      }
      recorder.end(own.counters(), record, outcome);
      finished.add(record);
    }

    @Override
    public void split() {
      lane.counters().split();
    }

    @Override
    public void started(Object job, List<PendingRecord> records) {
      started.add(new Started(job, List.copyOf(records)));
    }
  }
}
