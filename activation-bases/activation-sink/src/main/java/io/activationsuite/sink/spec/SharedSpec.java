package io.activationsuite.sink.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.protocol.model.ConnectorSpecification;
import io.activationsuite.protocol.model.DestinationSyncMode;
import io.activationsuite.protocol.model.Json;
import io.activationsuite.sink.api.ActivationApi;
import io.activationsuite.sink.config.ConfigSchemas;
import io.activationsuite.sink.rejected.ObjectStorageConfig;
import io.activationsuite.sink.rejected.ObjectStorageSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Assembles a connector's spec: its own properties first (generated from its config record), then the
 * properties every activation connector shares ({@code mappings}, {@code object_storage_config} and the
 * advanced options), as one draft-07 schema, with the sync modes and protocol version the engine supports.
 */
public final class SharedSpec {
  /** The Airbyte protocol version the connectors speak. */
  public static final String PROTOCOL_VERSION = "0.2.0";
  private static final String RESOURCE = "shared-properties.json";
  private static final List<DestinationSyncMode> SYNC_MODES = List.of(DestinationSyncMode.APPEND,
      DestinationSyncMode.APPEND_DEDUP, DestinationSyncMode.UPDATE, DestinationSyncMode.SOFT_DELETE);
  private static final ObjectNode SHARED = load();
  private static final ObjectNode ADVANCED = ConfigSchemas.schemaOf(AdvancedOptions.class);

  private SharedSpec() {}

  /** The full specification of a connector built on the engine. */
  public static ConnectorSpecification build(ActivationApi<?> api) {
    ObjectNode own = ConfigSchemas.schemaOf(api.configType());
    ObjectNode schema = Json.mapper().createObjectNode();
    schema.put("$schema", "http://json-schema.org/draft-07/schema#");
    schema.put("title", capitalized(api.name()) + " Destination Spec");
    schema.put("type", "object");
    schema.set("required", own.has("required") ? own.get("required") : schema.arrayNode());
    schema.put("additionalProperties", true);
    if (own.has("groups")) {
      schema.set("groups", own.get("groups"));
    }
    ObjectNode properties = schema.putObject("properties");
    int order = 0;
    for (Map.Entry<String, JsonNode> property : own.path("properties").properties()) {
      if (sharedPropertyNames().contains(property.getKey())) {
        throw new IllegalStateException(api.configType().getName() + " reuses the shared property "
            + property.getKey());
      }
      properties.set(property.getKey(), property.getValue());
      order = Math.max(order, property.getValue().path("order").asInt(order) + 1);
    }
    properties.set("mappings", ((ObjectNode) SHARED.deepCopy().get("mappings")).put("order", order++));
    ObjectStorageSpec.addTo(schema, order++);
    for (Map.Entry<String, JsonNode> property : ADVANCED.path("properties").properties()) {
      properties.set(property.getKey(), ((ObjectNode) property.getValue().deepCopy()).put("order", order++));
    }
    return new ConnectorSpecification(api.documentationUrl(), null, schema, true, false, false, SYNC_MODES,
        null, PROTOCOL_VERSION, null);
  }

  /** The names of the shared properties, which a connector's own properties must not reuse. */
  public static List<String> sharedPropertyNames() {
    List<String> names = new java.util.ArrayList<>();
    SHARED.fieldNames().forEachRemaining(names::add);
    names.add(ObjectStorageConfig.PROPERTY);
    ADVANCED.path("properties").fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static String capitalized(String name) {
    return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  private static ObjectNode load() {
    try (InputStream in = SharedSpec.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + RESOURCE);
      }
      return (ObjectNode) Json.mapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Unreadable resource " + RESOURCE, e);
    }
  }
}
