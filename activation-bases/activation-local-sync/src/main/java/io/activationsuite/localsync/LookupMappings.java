package io.activationsuite.localsync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * Turns a sync file stream's {@code lookups} into the connector's own language: a {@code mappings} entry
 * for the stream (the configured catalog of Airbyte's data activation has no place for a lookup) that maps
 * every column of the query to the field of the same name, with {@code "lookup"} on the listed fields. The
 * connector then checks the lookup names at {@code check}, before anything is written.
 */
final class LookupMappings {
  private LookupMappings() {}

  /**
   * Adds one mappings entry per stream with lookups to {@code config} (modified in place).
   *
   * @param columns each stream's query columns, in order (destination field names)
   * @throws UserError when a lookup names no column, or the config already maps such a stream
   */
  static void addTo(ObjectNode config, SyncFile file, Map<SyncFile.StreamSpec, List<String>> columns) {
    for (SyncFile.StreamSpec stream : file.streams()) {
      if (!stream.hasLookups()) {
        continue;
      }
      String at = "sync file " + file.path() + ", stream '" + stream.name() + "'";
      List<String> names = columns.get(stream);
      stream.lookups().keySet().forEach(field -> {
        if (!names.contains(field)) {
          throw new UserError(at + ": 'lookups' names '" + field + "', which is not a column of the query"
              + " (columns: " + String.join(", ", names) + ")");
        }
      });
      ArrayNode mappings = config.has("mappings") ? (ArrayNode) config.get("mappings") : config.putArray("mappings");
      for (JsonNode entry : mappings) {
        if (stream.name().equals(entry.path("source_stream").asText())) {
          throw new UserError(at + ": the config already has a mappings entry for this stream; write its lookups"
              + " there (\"lookup\" on the field) or in the sync file's 'lookups', not both");
        }
      }
      ObjectNode entry = mappings.addObject().put("source_stream", stream.name());
      if (stream.namespace() != null) {
        entry.put("source_namespace", stream.namespace());
      }
      entry.put("destination_object", stream.object()).put("operation", operation(stream.mode()));
      if (stream.matchingKey() != null) {
        entry.put("matching_key", stream.matchingKey());
      }
      ArrayNode fields = entry.putArray("fields");
      String nullPolicy = config.path("null_values").asText("skip");
      for (String column : names) {
        ObjectNode field = fields.addObject().put("destination_field", column).put("null_policy", nullPolicy);
        field.putObject("source").put("mapping_type", "source_path").put("source_path", column);
        String lookup = stream.lookups().get(column);
        if (lookup != null) {
          field.put("lookup", lookup);
        }
      }
    }
  }

  /** The mappings operation of a sync file mode (soft_delete streams cannot have lookups). */
  private static String operation(String mode) {
    return switch (mode) {
      case "append" -> "insert";
      case "append_dedup" -> "upsert";
      default -> mode;
    };
  }
}
