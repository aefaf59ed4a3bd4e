package io.activationsuite.protocol.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** A stream as configured for a sync, including the data-activation target and matching key. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConfiguredAirbyteStream(
    AirbyteStream stream,
    @JsonProperty("sync_mode") String syncMode,
    @JsonProperty("cursor_field") List<String> cursorField,
    @JsonProperty("destination_sync_mode") DestinationSyncMode destinationSyncMode,
    @JsonProperty("destination_object_name") String destinationObjectName,
    @JsonProperty("primary_key") List<List<String>> primaryKey,
    @JsonProperty("generation_id") Long generationId,
    @JsonProperty("minimum_generation_id") Long minimumGenerationId,
    @JsonProperty("sync_id") Long syncId,
    @JsonProperty("include_files") Boolean includeFiles,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public StreamDescriptor descriptor() {
    return stream.descriptor();
  }
}
