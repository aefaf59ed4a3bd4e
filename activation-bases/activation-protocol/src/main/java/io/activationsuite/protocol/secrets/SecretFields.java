package io.activationsuite.protocol.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/** Finds the values of every {@code airbyte_secret} field of a config, guided by the spec's schema. */
public final class SecretFields {
  private SecretFields() {}

  /** Property names marked {@code airbyte_secret: true} anywhere in the schema (oneOf branches too). */
  public static Set<String> secretPropertyNames(JsonNode schema) {
    Set<String> names = new HashSet<>();
    collectNames(schema, names);
    return names;
  }

  /** String values in {@code config} whose property name is a secret one, at any depth. */
  public static Set<String> secretValues(JsonNode schema, JsonNode config) {
    Set<String> names = secretPropertyNames(schema);
    Set<String> values = new HashSet<>();
    collectValues(config, names, values);
    return values;
  }

  private static void collectNames(JsonNode node, Set<String> names) {
    if (node == null) {
      return;
    }
    if (node.isObject()) {
      JsonNode properties = node.get("properties");
      if (properties != null && properties.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> property = it.next();
          if (property.getValue().path("airbyte_secret").asBoolean(false)) {
            names.add(property.getKey());
          }
        }
      }
      node.elements().forEachRemaining(child -> collectNames(child, names));
    } else if (node.isArray()) {
      node.elements().forEachRemaining(child -> collectNames(child, names));
    }
  }

  private static void collectValues(JsonNode node, Set<String> names, Set<String> values) {
    if (node == null) {
      return;
    }
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (names.contains(field.getKey()) && field.getValue().isValueNode()) {
          values.add(field.getValue().asText());
        } else {
          collectValues(field.getValue(), names, values);
        }
      }
    } else if (node.isArray()) {
      node.elements().forEachRemaining(child -> collectValues(child, names, values));
    }
  }
}
