package io.activationsuite.protocol.io;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.protocol.checkpoint.StateScope;
import io.activationsuite.protocol.model.AirbyteStreamStatusTraceMessage;
import io.activationsuite.protocol.model.StreamDescriptor;

/** One parsed stdin line of {@code write}: what the runner has to act on. */
public sealed interface Inbound {

  /** A RECORD: its stream, data and the size of the line (for memory and batch accounting). */
  record Record(StreamDescriptor stream, ObjectNode data, long emittedAt, int sizeBytes) implements Inbound {}

  /** A STATE: the whole original message (echoed later with stats added) and the scope it checkpoints. */
  record State(ObjectNode message, StateScope scope) implements Inbound {}

  /** A STREAM_STATUS trace from the source. */
  record StreamStatus(StreamDescriptor stream, AirbyteStreamStatusTraceMessage.Status status) implements Inbound {}

  /** Any other message (LOG, other TRACE, CONTROL...): nothing to do. */
  record Other(String type) implements Inbound {}

  /**
   * A line that is not a valid message. {@code stream} is filled when the line looks like a record of
   * a known stream (so it can be counted and rejected there); {@code state} when it looks like a STATE.
   */
  record Malformed(long lineNumber, String raw, String reason, StreamDescriptor stream, boolean state)
      implements Inbound {}
}
