package io.activationsuite.protocol.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A human log line carried inside the protocol. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AirbyteLogMessage(
    Level level, String message, @JsonProperty("stack_trace") String stackTrace) {

  /** Log levels of the protocol. */
  public enum Level {
    FATAL,
    ERROR,
    WARN,
    INFO,
    DEBUG,
    TRACE
  }
}
