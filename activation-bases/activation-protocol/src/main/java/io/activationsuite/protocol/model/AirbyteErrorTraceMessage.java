package io.activationsuite.protocol.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The payload of a TRACE ERROR: a user-facing message, internals, and the failure class. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AirbyteErrorTraceMessage(
    String message,
    @JsonProperty("internal_message") String internalMessage,
    @JsonProperty("stack_trace") String stackTrace,
    @JsonProperty("failure_type") String failureType,
    @JsonProperty("stream_descriptor") StreamDescriptor streamDescriptor) {}
