package io.activationsuite.protocol.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** A GLOBAL state: one shared state plus the state of every stream, checkpointed together. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AirbyteGlobalState(
    @JsonProperty("shared_state") JsonNode sharedState,
    @JsonProperty("stream_states") List<AirbyteStreamState> streamStates,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {}
