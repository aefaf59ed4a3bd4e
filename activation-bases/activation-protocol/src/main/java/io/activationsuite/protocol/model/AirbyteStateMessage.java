package io.activationsuite.protocol.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A checkpoint. The runner never re-serialises this type when echoing (it echoes the original JSON
 * with {@code destinationStats} added); the type exists for tests, tools and the local sync runner.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AirbyteStateMessage(
    AirbyteStateType type,
    AirbyteStreamState stream,
    AirbyteGlobalState global,
    JsonNode data,
    AirbyteStateStats sourceStats,
    AirbyteStateStats destinationStats,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  /** The effective type: an absent type is LEGACY, as the protocol says. */
  public AirbyteStateType effectiveType() {
    return type == null ? AirbyteStateType.LEGACY : type;
  }
}
