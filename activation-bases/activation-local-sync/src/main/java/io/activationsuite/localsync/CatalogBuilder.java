package io.activationsuite.localsync;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.protocol.model.Json;

/**
 * Builds the configured catalog the platform would send for a sync file: one data-activation stream per
 * model, with {@code destination_object_name}, {@code destination_sync_mode}, the matching key in
 * {@code primary_key}, and the sync and generation ids.
 */
public final class CatalogBuilder {
  private CatalogBuilder() {}

  public static ObjectNode build(SyncFile file, long syncId) {
    ObjectNode catalog = Json.mapper().createObjectNode();
    ArrayNode streams = catalog.putArray("streams");
    for (SyncFile.StreamSpec spec : file.streams()) {
      ObjectNode configured = streams.addObject();
      ObjectNode stream = configured.putObject("stream").put("name", spec.name());
      if (spec.namespace() != null) {
        stream.put("namespace", spec.namespace());
      }
      stream.putObject("json_schema").put("type", "object");
      stream.putArray("supported_sync_modes").add("full_refresh").add("incremental");
      configured.put("sync_mode", "full_refresh");
      configured.put("destination_sync_mode", spec.mode());
      configured.put("destination_object_name", spec.object());
      ArrayNode primaryKey = configured.putArray("primary_key");
      if (spec.matchingKey() != null) {
        primaryKey.addArray().add(spec.matchingKey());
      }
      configured.put("generation_id", 1).put("minimum_generation_id", 0).put("sync_id", syncId);
    }
    return catalog;
  }
}
