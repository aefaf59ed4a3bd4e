package io.activationsuite.protocol.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A stream's lifecycle status (STARTED, RUNNING, COMPLETE, INCOMPLETE) as the source reports it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AirbyteStreamStatusTraceMessage(
    @JsonProperty("stream_descriptor") StreamDescriptor streamDescriptor,
    Status status,
    List<JsonNode> reasons) {

  /** Stream lifecycle states. */
  public enum Status {
    STARTED,
    RUNNING,
    COMPLETE,
    INCOMPLETE
  }
}
