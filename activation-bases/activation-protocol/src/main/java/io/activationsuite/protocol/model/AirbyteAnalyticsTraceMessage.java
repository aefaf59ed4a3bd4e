package io.activationsuite.protocol.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A key/value analytics event. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AirbyteAnalyticsTraceMessage(String type, String value) {}
