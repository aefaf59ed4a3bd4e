package io.activationsuite.protocol.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** The output of {@code spec}: the config JSON Schema and what the connector supports. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConnectorSpecification(
    String documentationUrl,
    String changelogUrl,
    ObjectNode connectionSpecification,
    Boolean supportsIncremental,
    Boolean supportsNormalization,
    Boolean supportsDBT,
    @JsonProperty("supported_destination_sync_modes") List<DestinationSyncMode> supportedDestinationSyncModes,
    @JsonProperty("advanced_auth") JsonNode advancedAuth,
    @JsonProperty("protocol_version") String protocolVersion,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {}
