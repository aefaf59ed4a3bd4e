package io.activationsuite.protocol.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** One row from the source: stream, data object and the time it was emitted (epoch millis). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AirbyteRecordMessage(
    String namespace,
    String stream,
    ObjectNode data,
    @JsonProperty("emitted_at") Long emittedAt,
    JsonNode meta,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public StreamDescriptor descriptor() {
    return new StreamDescriptor(stream, namespace);
  }
}
