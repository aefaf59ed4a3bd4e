package io.activationsuite.protocol.checkpoint;

/**
 * The checkpoint handle of one record. Whoever writes the record must end it exactly once: acknowledged
 * by the API, or rejected (after the rejected record was handed to the rejected-records store). A STATE
 * is released only when every ticket issued before it (in its scope) has ended.
 */
public interface RecordTicket {
  /** The destination API accepted the record. */
  void acknowledged();

  /** The record was rejected and written to the rejected-records store (flushed before the STATE). */
  void rejected();

  /** Whether the record has ended (either way). */
  boolean ended();
}
