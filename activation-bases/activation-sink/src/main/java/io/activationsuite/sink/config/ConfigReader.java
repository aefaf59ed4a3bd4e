package io.activationsuite.sink.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.protocol.errors.ConfigErrorException;
import io.activationsuite.protocol.model.Json;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads a connector config into its record with Jackson, after filling every absent property that has a
 * {@code default} in the record's generated schema (so a default is written once, in {@link SpecField}). A
 * record's constructor may throw {@link ConfigErrorException} for what a schema cannot express; that error
 * reaches the caller as is. Properties the record does not know (the engine's shared ones) are ignored.
 */
public final class ConfigReader {

  private ConfigReader() {}

  /**
   * The config as a {@code type}.
   *
   * @throws ConfigErrorException naming the field that cannot be read (never its value)
   */
  public static <C> C read(JsonNode config, Class<C> type) {
    ObjectNode filled = config instanceof ObjectNode object ? object.deepCopy() : Json.mapper().createObjectNode();
    withDefaults(filled, ConfigSchemas.schemaOf(type));
    try {
      return Json.mapper().treeToValue(filled, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof ConfigErrorException error) {
          throw error;
        }
      }
      throw new ConfigErrorException(describe(e), null);
    }
  }

  /** Sets the schema's defaults on the absent (or null) properties of {@code config}, at every depth. */
  static void withDefaults(ObjectNode config, JsonNode schema) {
    schema.path("properties").properties().forEach(property -> {
      JsonNode value = config.get(property.getKey());
      JsonNode definition = property.getValue();
      if ((value == null || value.isNull()) && definition.has("default")) {
        config.set(property.getKey(), definition.get("default").deepCopy());
      } else if (value instanceof ObjectNode object) {
        withDefaults(object, branch(definition, object));
      } else if (value != null && value.isArray() && definition.path("items").isObject()) {
        value.forEach(item -> {
          if (item instanceof ObjectNode element) {
            withDefaults(element, branch(definition.get("items"), element));
          }
        });
      }
    });
  }

  /** The {@code oneOf} branch whose discriminator {@code const} the object carries, or the schema itself. */
  private static JsonNode branch(JsonNode schema, ObjectNode object) {
    for (JsonNode candidate : schema.path("oneOf")) {
      boolean matches = true;
      for (Map.Entry<String, JsonNode> property : candidate.path("properties").properties()) {
        JsonNode constant = property.getValue().get("const");
        if (constant != null && !constant.equals(object.get(property.getKey()))) {
          matches = false;
        }
      }
      if (matches) {
        return candidate;
      }
    }
    return schema;
  }

  private static String describe(Exception e) {
    String field = e instanceof JsonMappingException mapping ? mapping.getPath().stream()
        .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
            : Integer.toString(reference.getIndex()))
        .collect(Collectors.joining(".")) : "";
    if (e instanceof InvalidTypeIdException typeId) {
      return "field '" + (field.isEmpty() ? "" : field + ".") + typeIdProperty(typeId)
          + "' is missing or names an unknown option.";
    }
    return field.isEmpty() ? "The configuration cannot be read." : "field '" + field + "' has a value of the wrong"
        + " type or shape.";
  }

  private static String typeIdProperty(InvalidTypeIdException e) {
    Class<?> base = e.getBaseType() == null ? null : e.getBaseType().getRawClass();
    com.fasterxml.jackson.annotation.JsonTypeInfo info = base == null ? null
        : base.getAnnotation(com.fasterxml.jackson.annotation.JsonTypeInfo.class);
    return info == null ? "type" : info.property();
  }
}
