package io.activationsuite.sink.plan;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.protocol.model.DestinationCatalog;
import io.activationsuite.protocol.model.DestinationOperation;
import io.activationsuite.protocol.model.DestinationSyncMode;
import io.activationsuite.sink.api.DestinationField;
import io.activationsuite.sink.api.DestinationObject;
import io.activationsuite.sink.api.ObjectOperation;
import io.activationsuite.sink.api.Operation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the DESTINATION_CATALOG from the connector's objects: one operation per (object, sync mode), with
 * a JSON schema in the conventions the Airbyte platform reads (nullable as {@code ["null", T]}, dates and
 * timestamps with their formats, explicit {@code required} and {@code additionalProperties: false}).
 */
public final class DestinationCatalogBuilder {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private DestinationCatalogBuilder() {}

  /** The catalog of every operation of every object; soft_delete uses ARCHIVE when an object has both. */
  public static DestinationCatalog build(List<DestinationObject> objects) {
    List<DestinationOperation> operations = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (DestinationObject object : objects) {
      for (Operation operation : Operation.values()) {
        if (operation == Operation.DELETE && object.operation(Operation.ARCHIVE).isPresent()) {
          continue;
        }
        ObjectOperation supported = object.operation(operation).orElse(null);
        if (supported == null || !seen.add(object.name() + "\u0000" + operation.syncMode().wireName())) {
          continue;
        }
        operations.add(operation(object, supported));
      }
    }
    return new DestinationCatalog(operations);
  }

  /** The schema and matching keys of one operation. */
  static DestinationOperation operation(DestinationObject object, ObjectOperation operation) {
    Map<String, DestinationField> fields = object.fieldsByName();
    boolean keyOnly = operation.operation() == Operation.ARCHIVE || operation.operation() == Operation.DELETE;
    Set<String> names = new LinkedHashSet<>(operation.matchingKeys());
    if (!keyOnly) {
      object.fields().stream().map(DestinationField::name).filter(operation.writableFields()::contains)
          .forEach(names::add);
    }
    ObjectNode schema = JSON.objectNode();
    schema.put("type", "object");
    if (object.openFields() == null || keyOnly) {
      schema.put("additionalProperties", false);
    } else {
      schema.set("additionalProperties", openSchema(object.openFields().field("additional")));
    }
    ObjectNode properties = schema.putObject("properties");
    for (String name : names) {
      DestinationField field = fields.get(name);
      if (field != null) {
        properties.set(name, fieldSchema(field));
      }
    }
    ArrayNode required = schema.putArray("required");
    Set<String> requiredNames = new LinkedHashSet<>();
    if (!keyOnly) {
      operation.requiredFields().stream().filter(properties::has).sorted().forEach(requiredNames::add);
    }
    if (operation.matchingKeys().size() == 1 && properties.has(operation.matchingKeys().get(0))) {
      requiredNames.add(operation.matchingKeys().get(0));
    }
    requiredNames.forEach(required::add);
    List<List<String>> keys = operation.matchingKeys().isEmpty() ? null
        : operation.matchingKeys().stream().map(List::of).toList();
    DestinationSyncMode mode = operation.operation().syncMode();
    return new DestinationOperation(object.name(), mode, schema, keys);
  }

  /** Undiscovered fields: {@code true} (anything) for JSON, else the type's schema. */
  private static com.fasterxml.jackson.databind.JsonNode openSchema(DestinationField field) {
    return field.type() == io.activationsuite.sink.api.FieldType.JSON && field.maxLength() == null
        ? JSON.booleanNode(true) : fieldSchema(field);
  }

  /** The JSON schema of one field (JSON fields: any value, objects and arrays included). */
  static ObjectNode fieldSchema(DestinationField field) {
    ObjectNode schema = JSON.objectNode();
    if (field.type() == io.activationsuite.sink.api.FieldType.JSON) {
      return schema;
    }
    String type = switch (field.type()) {
      case ID, STRING, EMAIL, DATE, DATETIME, ENUM -> "string";
      case NUMBER -> "number";
      case INTEGER -> "integer";
      case BOOLEAN -> "boolean";
      case MULTI_ENUM -> "array";
      case JSON -> throw new IllegalStateException("handled above");
    };
    if (field.nullable()) {
      schema.putArray("type").add("null").add(type);
    } else {
      schema.put("type", type);
    }
    switch (field.type()) {
      case EMAIL -> schema.put("format", "email");
      case DATE -> schema.put("format", "date");
      case DATETIME -> schema.put("format", "date-time").put("airbyte_type", "timestamp_with_timezone");
      case ENUM -> {
        if (!field.options().isEmpty()) {
          ArrayNode values = schema.putArray("enum");
          field.options().forEach(values::add);
          if (field.nullable()) {
            values.addNull();
          }
        }
      }
      case MULTI_ENUM -> {
        ObjectNode items = schema.putObject("items").put("type", "string");
        if (!field.options().isEmpty()) {
          ArrayNode values = items.putArray("enum");
          field.options().forEach(values::add);
        }
      }
      default -> { }
    }
    if (field.maxLength() != null && "string".equals(type)) {
      schema.put("maxLength", field.maxLength());
    }
    return schema;
  }
}
