package io.activationsuite.destination.hubspot;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One record as an input of a HubSpot batch call.
 *
 * @param traceId the record's correlation id, sent as {@code objectWriteTraceId}
 * @param id the record id or unique property value identifying it (null for create)
 * @param properties property values in wire format (empty for archive)
 */
public record BatchInput(String traceId, String id, ObjectNode properties) {}
