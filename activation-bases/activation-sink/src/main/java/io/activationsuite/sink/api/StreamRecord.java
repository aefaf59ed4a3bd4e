package io.activationsuite.sink.api;

/**
 * A record together with the stream plan it belongs to, for requests that carry records of several
 * streams ({@link ComposedWriter#requestPool()}): the connector needs each record's object and operation
 * to place it in the request (Braze: the attributes, events or purchases array).
 *
 * @param plan the plan of the record's stream
 * @param record the record
 */
public record StreamRecord(StreamPlan plan, OutboundRecord record) {}
