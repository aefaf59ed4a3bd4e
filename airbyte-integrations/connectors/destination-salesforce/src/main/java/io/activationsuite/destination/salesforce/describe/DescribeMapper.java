package io.activationsuite.destination.salesforce.describe;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.sink.api.DestinationField;
import io.activationsuite.sink.api.DestinationObject;
import io.activationsuite.sink.api.FieldType;
import io.activationsuite.sink.api.ObjectOperation;
import io.activationsuite.sink.api.Operation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one sObject describe into a {@link DestinationObject}: the writable fields with their types,
 * and the operations the user may run. INSERT writes createable fields; UPSERT offers one matching key
 * per external-id (or id-lookup) createable field; UPDATE and DELETE match on {@code Id}. Fields a
 * connector cannot write as a flat value (compound address/location, base64 blobs) are left out.
 */
public final class DescribeMapper {
  /** The record id field every sObject has. */
  public static final String ID = "Id";

  private DescribeMapper() {}

  /** The destination object of a describe answer, or empty when the user can write nothing on it. */
  public static Optional<DestinationObject> map(JsonNode describe) {
    boolean createable = describe.path("createable").asBoolean(false);
    boolean updateable = describe.path("updateable").asBoolean(false);
    boolean deletable = describe.path("deletable").asBoolean(false);
    Map<String, DestinationField> fields = new LinkedHashMap<>();
    Set<String> createFields = new LinkedHashSet<>();
    Set<String> updateFields = new LinkedHashSet<>();
    Set<String> required = new LinkedHashSet<>();
    List<String> upsertKeys = new ArrayList<>();
    for (JsonNode field : describe.path("fields")) {
      String name = field.path("name").asText();
      Optional<FieldType> type = FieldTypes.of(field.path("type").asText());
      if (type.isEmpty()) {
        continue;
      }
      boolean fieldCreateable = field.path("createable").asBoolean(false);
      boolean fieldUpdateable = field.path("updateable").asBoolean(false);
      if (!fieldCreateable && !fieldUpdateable && !name.equals(ID)) {
        continue;
      }
      fields.put(name, toField(field, type.get()));
      if (fieldCreateable) {
        createFields.add(name);
        if (!field.path("nillable").asBoolean(true) && !field.path("defaultedOnCreate").asBoolean(false)) {
          required.add(name);
        }
        if (field.path("externalId").asBoolean(false) || field.path("idLookup").asBoolean(false)) {
          upsertKeys.add(name);
        }
      }
      if (fieldUpdateable) {
        updateFields.add(name);
      }
    }
    List<ObjectOperation> operations = new ArrayList<>();
    if (createable) {
      operations.add(new ObjectOperation(Operation.INSERT, List.of(), createFields, required));
    }
    if (createable && updateable && !upsertKeys.isEmpty()) {
      Set<String> writable = new LinkedHashSet<>(createFields);
      writable.retainAll(updateFields);
      writable.addAll(required);
      writable.addAll(upsertKeys);
      operations.add(new ObjectOperation(Operation.UPSERT, upsertKeys, writable, required));
    }
    if (updateable && fields.containsKey(ID)) {
      Set<String> writable = new LinkedHashSet<>(updateFields);
      writable.add(ID);
      operations.add(new ObjectOperation(Operation.UPDATE, List.of(ID), writable, Set.of()));
    }
    if (deletable && fields.containsKey(ID)) {
      operations.add(new ObjectOperation(Operation.DELETE, List.of(ID), Set.of(ID), Set.of()));
    }
    if (operations.isEmpty()) {
      return Optional.empty();
    }
    String name = describe.path("name").asText();
    return Optional.of(new DestinationObject(name, describe.path("label").asText(name),
        List.copyOf(fields.values()), operations));
  }

  private static DestinationField toField(JsonNode field, FieldType type) {
    String name = field.path("name").asText();
    Integer maxLength = null;
    if (type == FieldType.STRING || type == FieldType.EMAIL) {
      int length = field.path("length").asInt(0);
      maxLength = length > 0 ? length : null;
    }
    List<String> options = List.of();
    boolean picklist = type == FieldType.ENUM || type == FieldType.MULTI_ENUM;
    if (picklist && field.path("restrictedPicklist").asBoolean(false)) {
      options = activeValues(field.path("picklistValues"));
    }
    boolean unique = name.equals(ID) || field.path("unique").asBoolean(false)
        || field.path("externalId").asBoolean(false);
    return new DestinationField(name, type, field.path("nillable").asBoolean(true), maxLength, options, unique);
  }

  private static List<String> activeValues(JsonNode values) {
    List<String> active = new ArrayList<>();
    for (JsonNode value : values) {
      if (value.path("active").asBoolean(true)) {
        active.add(value.path("value").asText());
      }
    }
    return active;
  }
}
