package io.activationsuite.sink.api;

import java.util.function.ToLongFunction;

/**
 * One request of a {@link ComposedWriter} being filled by the engine: the connector's own measure of
 * "full" (75 objects across three arrays, 50 blocks or so many characters of one message), not a record
 * count. The engine offers records one at a time, oldest first; the first refused record closes the
 * request.
 */
public interface RequestDraft {

  /**
   * Adds {@code record} when the request still has room for it and returns true; returns false and
   * leaves the draft unchanged otherwise. A record an empty draft refuses can never be sent: the engine
   * rejects it as {@link RejectionReason#RECORD_TOO_LARGE}.
   */
  boolean tryAdd(OutboundRecord record);

  /**
   * As {@link #tryAdd(OutboundRecord)} for a request shared by several streams
   * ({@link ComposedWriter#requestPool()}), when the fit depends on the record's stream. Default: the
   * stream does not matter.
   */
  default boolean tryAdd(StreamRecord record) {
    return tryAdd(record.record());
  }

  /**
   * A draft with an additive cost: each record costs {@code cost} units (Braze: the objects it puts in
   * the arrays; Slack: its blocks) and a request holds at most {@code capacity} units.
   */
  static RequestDraft withCapacity(long capacity, ToLongFunction<OutboundRecord> cost) {
    return new RequestDraft() {
      private long used;

      @Override
      public boolean tryAdd(OutboundRecord record) {
        long units = cost.applyAsLong(record);
        if (units < 0 || used + units > capacity) {
          return false;
        }
        used += units;
        return true;
      }
    };
  }
}
