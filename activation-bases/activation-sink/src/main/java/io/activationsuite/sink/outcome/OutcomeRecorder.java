package io.activationsuite.sink.outcome;

import io.activationsuite.protocol.model.StreamDescriptor;
import io.activationsuite.protocol.runner.InboundRecord;
import io.activationsuite.sink.api.OutboundRecord;
import io.activationsuite.sink.api.RecordOutcome;
import io.activationsuite.sink.api.RejectionReason;
import io.activationsuite.sink.batch.ByteBudget;
import io.activationsuite.sink.batch.PendingRecord;
import io.activationsuite.sink.rejected.RejectedRecord;
import io.activationsuite.sink.rejected.RejectedRecordStore;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * Outcome accounting: ends every input of a written record with its outcome (a rejected one is handed to
 * the rejected-records store first), counts it in its stream and in the rejection threshold, and gives
 * its bytes back to the budget. A crossed threshold is reported to {@code onFailure}.
 */
public final class OutcomeRecorder {
  /** The stream name rejected records get when their input had none. */
  public static final String UNREADABLE_STREAM = "_unreadable_lines";

  private final RejectedRecordStore store;
  private final ByteBudget budget;
  private final RejectionThreshold threshold;
  private final Clock clock;
  private final Consumer<Throwable> onFailure;

  public OutcomeRecorder(RejectedRecordStore store, ByteBudget budget, RejectionThreshold threshold, Clock clock,
      Consumer<Throwable> onFailure) {
    this.store = store;
    this.budget = budget;
    this.threshold = threshold;
    this.clock = clock;
    this.onFailure = onFailure;
  }

  public RejectedRecordStore store() {
    return store;
  }

  /** Ends every input of {@code record}: acknowledged, or stored then rejected. Retries are not outcomes here. */
  public void end(StreamCounters counters, PendingRecord record, RecordOutcome outcome) throws Exception {
    int count = record.inputs().size();
    switch (outcome) {
      case RecordOutcome.Accepted accepted -> {
        // every input but the last was folded into the one after it: one write landed for all of them
        for (int i = 0; i < count - 1; i++) {
          record.inputs().get(i).ticket().merged();
        }
        record.inputs().get(count - 1).ticket().acknowledged();
        counters.acknowledged(count);
        counters.merged(count - 1);
        budget.release(record.charge());
        counted(count, 0);
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
        counters.rejected(reason, count);
        budget.release(record.charge());
        counted(0, count);
      }
      case RecordOutcome.Retry retry -> throw new IllegalStateException("retries are handled before");
    }
  }

  /** Rejects one input that never reached a request (it could not be mapped, or is too large). */
  public void rejectNow(StreamCounters counters, InboundRecord input, OutboundRecord record, RejectionReason reason,
      String field, String message, Integer status) {
    store.write(rejection(input, record, reason, field, message, status));
    input.ticket().rejected();
    counters.rejected(reason, 1);
    counted(0, 1);
  }

  /** Stores a rejected record built elsewhere (an unreadable line) and counts it. */
  public void rejectUnreadable(RejectedRecord rejected) {
    store.write(rejected);
    counted(0, 1);
  }

  /** Checks the threshold with whatever sample has ended (at the end of the sync). */
  public void checkAtEnd() {
    Exception error = threshold.check(true);
    if (error != null) {
      onFailure.accept(error);
    }
  }

  private void counted(int acknowledged, int rejected) {
    Exception error = threshold.record(acknowledged, rejected);
    if (error != null) {
      onFailure.accept(error);
    }
  }

  private RejectedRecord rejection(InboundRecord input, OutboundRecord record, RejectionReason reason, String field,
      String message, Integer status) {
    StreamDescriptor stream = input.stream();
    String name = stream.name() == null || stream.name().isEmpty() ? UNREADABLE_STREAM : stream.name();
    return RejectedRecord.builder(stream.namespace(), name, reason)
        .record(input.data())
        .payload(record == null ? null : record.payload())
        .field(field)
        .message(message)
        .httpStatus(status)
        .emittedAt(input.emittedAt())
        .rejectedAt(clock.instant())
        .build();
  }
}
