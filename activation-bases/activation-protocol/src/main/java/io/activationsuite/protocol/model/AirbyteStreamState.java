package io.activationsuite.protocol.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** The opaque state of one stream, as the source wrote it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AirbyteStreamState(
    @JsonProperty("stream_descriptor") StreamDescriptor streamDescriptor,
    @JsonProperty("stream_state") JsonNode streamState,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {}
