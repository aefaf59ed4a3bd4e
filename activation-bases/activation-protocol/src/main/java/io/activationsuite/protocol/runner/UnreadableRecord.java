package io.activationsuite.protocol.runner;

import io.activationsuite.protocol.checkpoint.RecordTicket;
import io.activationsuite.protocol.model.StreamDescriptor;

/**
 * A stdin line that should have been a record but cannot be read. The session must reject it (store it
 * with the reason) and end its ticket; {@code stream} is null when not even the stream could be read.
 */
public record UnreadableRecord(
    StreamDescriptor stream, String rawLine, String reason, long lineNumber, RecordTicket ticket) {}
