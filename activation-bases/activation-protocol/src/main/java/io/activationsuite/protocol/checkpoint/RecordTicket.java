package io.activationsuite.protocol.checkpoint;

/**
 * The checkpoint handle of one record. Whoever writes the record must end it exactly once: acknowledged
 * by the API, or rejected (after the rejected record was handed to the rejected-records store). A STATE
 * is released only when every ticket issued before it (in its scope) has ended.
 */
public interface RecordTicket {
  /** The destination API accepted the record. */
  void acknowledged();

  /**
   * The API accepted the record's values folded into a later record with the same matching key (one write
   * for both); it counts as acknowledged, and as merged in the STATE's {@code additionalStats}.
   */
  default void merged() {
    acknowledged();
  }

  /** The record was rejected and written to the rejected-records store (flushed before the STATE). */
  void rejected();

  /** Whether the record has ended (either way). */
  boolean ended();
}
