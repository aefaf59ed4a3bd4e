package io.activationsuite.sink.batch;

import io.activationsuite.sink.api.BatchRejectedException;
import io.activationsuite.sink.api.DeliveryUncertainException;
import io.activationsuite.sink.api.OutboundRecord;
import io.activationsuite.sink.api.RecordOutcome;
import io.activationsuite.protocol.errors.SystemErrorException;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends one batch through a stream's writer and hands every record's outcome to a {@link Sink}. When the
 * API refuses the batch as a whole ({@link BatchRejectedException}) it splits the batch in halves and
 * tries again, down to single records, so the good records land and only the faulty ones are rejected
 * with the API's message. A request that may or may not have been applied and must not be resent
 * ({@link DeliveryUncertainException}) ends every record of the batch as rejected with reason
 * DELIVERY_UNCERTAIN. Any other exception stops the dispatch and propagates: it is the sync's
 * failure, and the records it concerned are not ended.
 */
public final class BatchDispatch {

  /** Receives outcomes as they become known (each record exactly once). */
  public interface Sink {
    void outcome(PendingRecord record, RecordOutcome outcome) throws Exception;

    /** The batch was split after a whole-batch refusal. */
    void split();
  }

  private BatchDispatch() {}

  /** Writes {@code batch} and reports each record's outcome to {@code sink}. */
  public static void send(StreamLane lane, List<PendingRecord> batch, Sink sink) throws Exception {
    List<OutboundRecord> records = new ArrayList<>(batch.size());
    for (PendingRecord record : batch) {
      records.add(record.record());
    }
    List<RecordOutcome> outcomes;
    try {
      lane.counters().batch();
      outcomes = lane.writer().write(records);
    } catch (BatchRejectedException rejected) {
      if (batch.size() == 1) {
        sink.outcome(batch.get(0), RecordOutcome.rejected(
            rejected.reason() == null ? io.activationsuite.sink.api.RejectionReason.REFUSED_BY_API
                : rejected.reason(), null, rejected.getMessage(), rejected.httpStatus()));
        return;
      }
      sink.split();
      int half = batch.size() / 2;
      send(lane, batch.subList(0, half), sink);
      send(lane, batch.subList(half, batch.size()), sink);
      return;
    } catch (DeliveryUncertainException uncertain) {
      RecordOutcome outcome = uncertain.outcome();
      for (PendingRecord record : batch) {
        sink.outcome(record, outcome);
      }
      return;
    }
    if (outcomes == null || outcomes.size() != batch.size()) {
      throw new SystemErrorException("The " + lane.plan().object().name() + " writer returned "
          + (outcomes == null ? "no" : outcomes.size()) + " outcomes for a batch of " + batch.size()
          + " records; this is a bug in the connector.");
    }
    for (int i = 0; i < batch.size(); i++) {
      RecordOutcome outcome = outcomes.get(i);
      if (outcome == null) {
        throw new SystemErrorException("The " + lane.plan().object().name() + " writer returned a null outcome; "
            + "this is a bug in the connector.");
      }
      sink.outcome(batch.get(i), outcome);
    }
  }
}
