package io.activationsuite.protocol.checkpoint;

import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.protocol.model.StreamDescriptor;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Exact checkpointing: tracks every record between STATE messages and releases each STATE, in input
 * order within its scope, only once every record before it has been acknowledged or durably rejected.
 *
 * <p>Each record is counted in two scopes at once: its stream's and the global one. STREAM states close
 * the stream scope; GLOBAL and LEGACY states close the global one. The scope a source does not use simply
 * never closes, so nothing has to be known in advance about which kind of states will come.
 *
 * <p>The echoed STATE is the original message with {@code state.destinationStats} set to the records
 * acknowledged and rejected since the previous STATE of the same scope (and {@code additionalStats} with the
 * acknowledged ones merged into a later record, when there were some); nothing else is touched, so
 * unknown properties such as the platform's {@code id} survive.
 */
public final class CheckpointLedger {
  /**
   * The {@code destinationStats.additionalStats} entry counting acknowledged records that were merged into
   * a later record with the same key (present only when there were some).
   */
  public static final String MERGED_RECORD_COUNT = "mergedRecordCount";

  private final ReentrantLock lock = new ReentrantLock();
  private final Consumer<ObjectNode> emitter;
  private final Map<StreamDescriptor, ScopeQueue> streamScopes = new HashMap<>();
  private final ScopeQueue globalScope = new ScopeQueue();
  private volatile DurabilityBarrier barrier = DurabilityBarrier.NONE;
  private long tracked;
  private long acknowledged;
  private long rejected;
  private long merged;
  private long statesReceived;
  private long statesEmitted;
  private long statesWithheld;
  private boolean withholding;
  private Exception barrierFailure;

  /** {@code emitter} receives each released STATE message (the whole envelope) in release order. */
  public CheckpointLedger(Consumer<ObjectNode> emitter) {
    this.emitter = emitter;
  }

  /**
   * From now on released STATEs are counted but not emitted: a dry run writes nothing, so the platform must
   * commit nothing (its cursor would move past records that were never written).
   */
  public void withholdStates() {
    lock.lock();
    try {
      withholding = true;
    } finally {
      lock.unlock();
    }
  }

  /** Installs what must run before a STATE covering rejected records is released. */
  public void setDurabilityBarrier(DurabilityBarrier barrier) {
    this.barrier = barrier == null ? DurabilityBarrier.NONE : barrier;
  }

  /** Starts tracking a record of {@code stream}; the returned ticket must be ended exactly once. */
  public RecordTicket track(StreamDescriptor stream) {
    lock.lock();
    try {
      tracked++;
      Bucket streamBucket = streamScopes.computeIfAbsent(stream, s -> new ScopeQueue()).open;
      Bucket globalBucket = globalScope.open;
      streamBucket.pending++;
      globalBucket.pending++;
      return new Ticket(streamBucket, globalBucket);
    } finally {
      lock.unlock();
    }
  }

  /** Tracks a record whose stream is unknown (an unreadable line): it only counts in the global scope. */
  public RecordTicket trackGlobalOnly() {
    lock.lock();
    try {
      tracked++;
      Bucket globalBucket = globalScope.open;
      globalBucket.pending++;
      return new Ticket(null, globalBucket);
    } finally {
      lock.unlock();
    }
  }

  /** Closes the current bucket of the state's scope with this STATE; it is released once its records end. */
  public void onState(ObjectNode stateMessage, StateScope scope) {
    lock.lock();
    try {
      statesReceived++;
      ScopeQueue queue =
          scope.isGlobal() ? globalScope : streamScopes.computeIfAbsent(scope.stream(), s -> new ScopeQueue());
      queue.close(stateMessage);
      release(queue);
    } finally {
      lock.unlock();
    }
  }

  /** Totals so far. */
  public CheckpointStats stats() {
    lock.lock();
    try {
      return new CheckpointStats(tracked, acknowledged, rejected, statesReceived, statesEmitted, merged,
          statesWithheld);
    } finally {
      lock.unlock();
    }
  }

  /** The failure of the durability barrier that is holding states back, if any. */
  public Exception barrierFailure() {
    lock.lock();
    try {
      return barrierFailure;
    } finally {
      lock.unlock();
    }
  }

  private void end(Ticket ticket, boolean wasRejected, boolean wasMerged) {
    lock.lock();
    try {
      if (wasRejected) {
        rejected++;
      } else {
        acknowledged++;
      }
      if (wasMerged) {
        merged++;
      }
      if (ticket.streamBucket != null) {
        ticket.streamBucket.end(wasRejected, wasMerged);
        if (ticket.streamBucket.releasable()) {
          release(ticket.streamBucket.owner);
        }
      }
      ticket.globalBucket.end(wasRejected, wasMerged);
      if (ticket.globalBucket.releasable()) {
        release(globalScope);
      }
    } finally {
      lock.unlock();
    }
  }

  private void release(ScopeQueue queue) {
    while (!queue.closed.isEmpty() && queue.closed.peekFirst().pending == 0) {
      Bucket head = queue.closed.peekFirst();
      if (head.rejected > 0 && barrierFailure == null) {
        try {
          barrier.makeDurable();
        } catch (Exception e) {
          barrierFailure = e;
        }
      }
      if (barrierFailure != null) {
        return;
      }
      queue.closed.pollFirst();
      ObjectNode state = (ObjectNode) head.stateMessage.get("state");
      ObjectNode stats = state.putObject("destinationStats");
      stats.set("recordCount", DoubleNode.valueOf(head.acknowledged));
      stats.set("rejectedRecordCount", DoubleNode.valueOf(head.rejected));
      if (head.merged > 0) {
        stats.putObject("additionalStats").set(MERGED_RECORD_COUNT, DoubleNode.valueOf(head.merged));
      }
      if (withholding) {
        statesWithheld++;
        continue;
      }
      statesEmitted++;
      emitter.accept(head.stateMessage);
    }
  }

  /** The records between two STATEs of one scope. */
  private static final class Bucket {
    final ScopeQueue owner;
    long pending;
    long acknowledged;
    long rejected;
    long merged;
    ObjectNode stateMessage;

    Bucket(ScopeQueue owner) {
      this.owner = owner;
    }

    void end(boolean wasRejected, boolean wasMerged) {
      pending--;
      if (wasMerged) {
        merged++;
      }
      if (wasRejected) {
        rejected++;
      } else {
        acknowledged++;
      }
    }

    boolean releasable() {
      return pending == 0 && stateMessage != null;
    }
  }

  /** The closed buckets (each waiting with its STATE) and the open one collecting new records. */
  private static final class ScopeQueue {
    final ArrayDeque<Bucket> closed = new ArrayDeque<>();
    Bucket open = new Bucket(this);

    void close(ObjectNode stateMessage) {
      open.stateMessage = stateMessage;
      closed.addLast(open);
      open = new Bucket(this);
    }
  }

  private final class Ticket implements RecordTicket {
    final Bucket streamBucket;
    final Bucket globalBucket;
    final AtomicBoolean done = new AtomicBoolean();

    Ticket(Bucket streamBucket, Bucket globalBucket) {
      this.streamBucket = streamBucket;
      this.globalBucket = globalBucket;
    }

    @Override
    public void acknowledged() {
      finish(false);
    }

    @Override
    public void merged() {
      finish(false, true);
    }

    @Override
    public void rejected() {
      finish(true);
    }

    @Override
    public boolean ended() {
      return done.get();
    }

    private void finish(boolean wasRejected) {
      finish(wasRejected, false);
    }

    private void finish(boolean wasRejected, boolean wasMerged) {
      if (!done.compareAndSet(false, true)) {
        throw new IllegalStateException("A record was ended twice: this is a bug in the connector");
      }
      end(this, wasRejected, wasMerged);
    }
  }
}
