package io.activationsuite.protocol.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** A source stream as it appears in a catalog. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AirbyteStream(
    String name,
    String namespace,
    @JsonProperty("json_schema") ObjectNode jsonSchema,
    @JsonProperty("supported_sync_modes") List<String> supportedSyncModes,
    @JsonProperty("source_defined_cursor") Boolean sourceDefinedCursor,
    @JsonProperty("default_cursor_field") List<String> defaultCursorField,
    @JsonProperty("source_defined_primary_key") List<List<String>> sourceDefinedPrimaryKey,
    @JsonProperty("is_resumable") Boolean isResumable,
    @JsonProperty("is_file_based") Boolean isFileBased,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public StreamDescriptor descriptor() {
    return new StreamDescriptor(name, namespace);
  }
}
