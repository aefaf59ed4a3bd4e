package io.activationsuite.protocol.runner;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.protocol.checkpoint.RecordTicket;
import io.activationsuite.protocol.model.StreamDescriptor;

/** A record handed to a {@link WriteSession}, with the ticket it must end (acknowledged or rejected). */
public record InboundRecord(
    StreamDescriptor stream, ObjectNode data, long emittedAt, int sizeBytes, RecordTicket ticket) {}
