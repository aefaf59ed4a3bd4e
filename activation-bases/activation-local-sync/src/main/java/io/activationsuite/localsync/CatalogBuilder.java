package io.activationsuite.localsync;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.protocol.model.Json;

/**
 * Builds the configured catalog the platform would send for a sync file: one data-activation stream per
 * model, with {@code destination_object_name}, {@code destination_sync_mode}, the matching key in
 * {@code primary_key}, and the sync and generation ids; plus, for a stream with {@code on_removed}, the
 * companion stream that carries its removals.
 */
public final class CatalogBuilder {
  private CatalogBuilder() {}

  public static ObjectNode build(SyncFile file, long syncId) {
    ObjectNode catalog = Json.mapper().createObjectNode();
    ArrayNode streams = catalog.putArray("streams");
    for (SyncFile.StreamSpec spec : file.streams()) {
      add(streams, spec.name(), spec.namespace(), spec.object(), spec.mode(), spec.matchingKey(), syncId);
      if (spec.onRemoved() != null) {
        add(streams, spec.removalStreamName(), spec.namespace(), spec.object(), spec.onRemoved().mode(),
            spec.matchingKey(), syncId);
      }
    }
    return catalog;
  }

  private static void add(ArrayNode streams, String name, String namespace, String object, String mode, String key,
      long syncId) {
    ObjectNode configured = streams.addObject();
    ObjectNode stream = configured.putObject("stream").put("name", name);
    if (namespace != null) {
      stream.put("namespace", namespace);
    }
    stream.putObject("json_schema").put("type", "object");
    stream.putArray("supported_sync_modes").add("full_refresh").add("incremental");
    configured.put("sync_mode", "full_refresh");
    configured.put("destination_sync_mode", mode);
    configured.put("destination_object_name", object);
    ArrayNode primaryKey = configured.putArray("primary_key");
    if (key != null) {
      primaryKey.addArray().add(key);
    }
    configured.put("generation_id", 1).put("minimum_generation_id", 0).put("sync_id", syncId);
  }
}
