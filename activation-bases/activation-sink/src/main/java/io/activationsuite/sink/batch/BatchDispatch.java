package io.activationsuite.sink.batch;

import io.activationsuite.protocol.errors.SystemErrorException;
import io.activationsuite.sink.api.BatchRejectedException;
import io.activationsuite.sink.api.ComposedWriter;
import io.activationsuite.sink.api.DeliveryUncertainException;
import io.activationsuite.sink.api.JobWriter;
import io.activationsuite.sink.api.OutboundRecord;
import io.activationsuite.sink.api.RecordOutcome;
import io.activationsuite.sink.api.RefusalSplit;
import io.activationsuite.sink.api.RejectionReason;
import io.activationsuite.sink.api.StreamRecord;
import io.activationsuite.sink.api.Submission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sends one request through a stream's writer and hands every record's outcome to a {@link Sink}. When the
 * API refuses a request as a whole ({@link BatchRejectedException}) it splits it as the writer allows
 * (halves down to single records for plain batches and job submissions; what
 * {@link ComposedWriter#refusalSplit()} says for composed requests), so the good records land and only the
 * faulty ones are rejected with the API's message. Any other exception stops the dispatch and propagates:
 * it is the sync's failure, and the records it concerned are not ended - except a request that may or may
 * not have been applied and must not be resent ({@link DeliveryUncertainException}): every record of it
 * ends rejected with reason DELIVERY_UNCERTAIN.
 */
public final class BatchDispatch {

  /** Receives outcomes as they become known (each record exactly once). */
  public interface Sink {
    void outcome(PendingRecord record, RecordOutcome outcome) throws Exception;

    /** The request was split after a whole-request refusal. */
    void split();

    /** A job started for {@code records} (job writers only). */
    default void started(Object job, List<PendingRecord> records) {
      throw new IllegalStateException("not a job writer");
    }
  }

  /** One attempt at a part of a request; throws {@link BatchRejectedException} when refused as a whole. */
  private interface Attempt {
    void run(List<PendingRecord> part) throws Exception;
  }

  private BatchDispatch() {}

  /** Writes {@code batch} with a plain {@link io.activationsuite.sink.api.BatchWriter}. */
  public static void send(StreamLane lane, List<PendingRecord> batch, Sink sink) throws Exception {
    splitting(lane.lookups().apply(batch, sink), RefusalSplit.HALVES, sink, part -> {
      lane.counters().batch();
      deliver(lane, part, lane.writer().write(records(part)), sink);
    });
  }

  /**
   * Sends one composed request, split on refusal only as the composer allows. A request shared by several
   * streams is sent by the composer of its first record's stream, with each record's plan.
   */
  public static void sendComposed(StreamLane lane, StreamLane.ComposedRequest request, Sink sink) throws Exception {
    if (!request.fits()) {
      for (PendingRecord record : request.records()) {
        sink.outcome(record, RecordOutcome.rejected(RejectionReason.RECORD_TOO_LARGE, null,
            "The record does not fit in one request to " + record.lane().plan().object().name() + ", even alone",
            null));
      }
      return;
    }
    ComposedWriter composer = request.records().get(0).lane().composer();
    boolean shared = lane.shared();
    splitting(lookedUp(request.records(), sink), composer.refusalSplit(), sink, part -> {
      if (!shared) {
        lane.counters().batch();
        deliver(lane, part, composer.send(request.group(), records(part)), sink);
        return;
      }
      List<StreamRecord> records = new ArrayList<>(part.size());
      LinkedHashSet<StreamLane> lanes = new LinkedHashSet<>();
      for (PendingRecord record : part) {
        records.add(new StreamRecord(record.lane().plan(), record.forWriter()));
        lanes.add(record.lane());
      }
      lanes.forEach(involved -> involved.counters().batch());
      deliver(lane, part, composer.sendShared(request.group(), records), sink);
    });
  }

  /**
   * Resolves the lookup fields of a request's records, each through its own stream's lookups (a shared
   * request holds records of several streams), keeping the request's order.
   */
  private static List<PendingRecord> lookedUp(List<PendingRecord> records, Sink sink) throws Exception {
    Map<StreamLane, List<PendingRecord>> byLane = new LinkedHashMap<>();
    for (PendingRecord record : records) {
      byLane.computeIfAbsent(record.lane(), key -> new ArrayList<>()).add(record);
    }
    if (byLane.size() == 1) {
      return records.get(0).lane().lookups().apply(records, sink);
    }
    Set<PendingRecord> kept = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Map.Entry<StreamLane, List<PendingRecord>> entry : byLane.entrySet()) {
      kept.addAll(entry.getKey().lookups().apply(entry.getValue(), sink));
    }
    List<PendingRecord> ready = new ArrayList<>(kept.size());
    for (PendingRecord record : records) {
      if (kept.contains(record)) {
        ready.add(record);
      }
    }
    return ready;
  }

  /** Submits {@code batch} as a job (or writes it at once, as the job writer decides). */
  public static void submit(StreamLane lane, List<PendingRecord> batch, Sink sink) throws Exception {
    JobWriter<?> jobs = lane.jobs();
    splitting(lane.lookups().apply(batch, sink), RefusalSplit.HALVES, sink, part -> {
      lane.counters().batch();
      Submission<?> submission = jobs.submit(records(part));
      switch (submission) {
        case Submission.Started<?> started -> sink.started(started.job(), part);
        case Submission.Finished<?> finished -> deliver(lane, part, finished.outcomes(), sink);
      }
    });
  }

  /** Hands one outcome per record to {@code sink}, after checking the writer gave exactly one each. */
  public static void deliver(StreamLane lane, List<PendingRecord> part, List<RecordOutcome> outcomes, Sink sink)
      throws Exception {
    if (outcomes == null || outcomes.size() != part.size()) {
      throw new SystemErrorException("The " + lane.plan().object().name() + " writer returned "
          + (outcomes == null ? "no" : outcomes.size()) + " outcomes for a request of " + part.size()
          + " records; this is a bug in the connector.");
    }
    for (int i = 0; i < part.size(); i++) {
      RecordOutcome outcome = outcomes.get(i);
      if (outcome == null) {
        throw new SystemErrorException("The " + lane.plan().object().name() + " writer returned a null outcome; "
            + "this is a bug in the connector.");
      }
      sink.outcome(part.get(i), outcome);
    }
  }

  /** The records of a part, as the writer sees them. */
  public static List<OutboundRecord> records(List<PendingRecord> part) {
    List<OutboundRecord> records = new ArrayList<>(part.size());
    for (PendingRecord record : part) {
      records.add(record.forWriter());
    }
    return records;
  }

  private static void splitting(List<PendingRecord> part, RefusalSplit split, Sink sink, Attempt attempt)
      throws Exception {
    if (part.isEmpty()) {
      return;
    }
    try {
      attempt.run(part);
    } catch (BatchRejectedException rejected) {
      if (part.size() == 1 || split == RefusalSplit.NONE) {
        RecordOutcome outcome = RecordOutcome.rejected(rejected.reason() == null ? RejectionReason.REFUSED_BY_API
            : rejected.reason(), null, rejected.getMessage(), rejected.httpStatus());
        for (PendingRecord record : part) {
          sink.outcome(record, outcome);
        }
        return;
      }
      sink.split();
      if (split == RefusalSplit.SINGLES) {
        for (PendingRecord record : part) {
          splitting(List.of(record), split, sink, attempt);
        }
        return;
      }
      int half = part.size() / 2;
      splitting(part.subList(0, half), split, sink, attempt);
      splitting(part.subList(half, part.size()), split, sink, attempt);
    } catch (DeliveryUncertainException uncertain) {
      RecordOutcome outcome = uncertain.outcome();
      for (PendingRecord record : part) {
        sink.outcome(record, outcome);
      }
    }
  }
}
