package io.activationsuite.testkit.messages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Builds configured catalogs the way the platform does for a data-activation connection: one stream per
 * mapped source stream with {@code destination_object_name}, {@code destination_sync_mode}, the matching
 * key as {@code primary_key}, and {@code sync_id} / {@code generation_id} /
 * {@code minimum_generation_id} set as the platform's generation setter sets them.
 */
public final class ConfiguredCatalogs {

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final long syncId;
  private final ObjectNode catalog = JSON.createObjectNode();
  private final ArrayNode streams = catalog.putArray("streams");

  private ConfiguredCatalogs(long syncId) {
    this.syncId = syncId;
  }

  /** A catalog for the sync (job) {@code syncId}. */
  public static ConfiguredCatalogs forSync(long syncId) {
    return new ConfiguredCatalogs(syncId);
  }

  /**
   * Adds a stream writing to {@code objectName} with {@code syncMode}, matched by {@code matchingKey}
   * (empty for none); its json_schema is inferred from {@code sampleRecords}.
   */
  public ConfiguredCatalogs stream(String streamName, String objectName, String syncMode, List<String> matchingKey,
      Collection<? extends JsonNode> sampleRecords) {
    ObjectNode configured = streams.addObject();
    ObjectNode stream = configured.putObject("stream").put("name", streamName);
    stream.set("json_schema", inferSchema(sampleRecords));
    stream.putArray("supported_sync_modes").add("full_refresh").add("incremental");
    stream.put("source_defined_cursor", false).put("is_resumable", true);
    configured.put("sync_mode", "full_refresh");
    configured.put("destination_sync_mode", syncMode);
    configured.put("destination_object_name", objectName);
    ArrayNode primaryKey = configured.putArray("primary_key");
    matchingKey.forEach(field -> primaryKey.addArray().add(field));
    configured.putArray("cursor_field");
    configured.put("generation_id", 12L).put("minimum_generation_id", 0L).put("sync_id", syncId);
    return this;
  }

  /** The catalog as JSON text. */
  public String json() {
    return catalog.toString();
  }

  /** A copy of the catalog tree. */
  public ObjectNode tree() {
    return catalog.deepCopy();
  }

  /** A draft-07 object schema whose properties are the fields of {@code records}, typed by their values. */
  public static ObjectNode inferSchema(Collection<? extends JsonNode> records) {
    ObjectNode schema = JSON.createObjectNode().put("$schema", "http://json-schema.org/draft-07/schema#");
    schema.put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    for (JsonNode record : records) {
      for (Iterator<Map.Entry<String, JsonNode>> it = record.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (!properties.has(field.getKey())) {
          properties.putObject(field.getKey()).putArray("type").add("null").add(jsonType(field.getValue()));
        }
      }
    }
    return schema;
  }

  private static String jsonType(JsonNode value) {
    return switch (value.getNodeType()) {
      case BOOLEAN -> "boolean";
      case NUMBER -> value.isIntegralNumber() ? "integer" : "number";
      case ARRAY -> "array";
      case OBJECT -> "object";
      default -> "string";
    };
  }
}
