package io.activationsuite.protocol.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** One (object, sync mode) pair a data-activation destination offers, with its schema and matching keys. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DestinationOperation(
    @JsonProperty("object_name") String objectName,
    @JsonProperty("sync_mode") DestinationSyncMode syncMode,
    @JsonProperty("json_schema") ObjectNode jsonSchema,
    @JsonProperty("matching_keys") List<List<String>> matchingKeys) {}
