package io.activationsuite.destination.hubspot;

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
import java.util.Set;

/**
 * Turns an object type and its property definitions into the engine's {@link DestinationObject}: the
 * writable properties with their types, and the operations HubSpot's batch APIs offer with their
 * matching keys (record id {@code hs_object_id}, and every unique property such as contacts' email).
 */
public final class ObjectDescriber {

  /** HubSpot's record id property: the matching key of update and archive by id. */
  public static final String RECORD_ID = "hs_object_id";

  private ObjectDescriber() {}

  /** Describes one object; properties that cannot be written are left out. */
  public static DestinationObject describe(HubSpotObjectType type, List<HubSpotProperty> properties) {
    Map<String, DestinationField> fields = new LinkedHashMap<>();
    List<String> uniqueKeys = new ArrayList<>();
    for (HubSpotProperty property : properties) {
      if (!property.writable() || RECORD_ID.equals(property.name())) {
        continue;
      }
      boolean unique = isUnique(type, property);
      fields.put(property.name(), PropertyTypes.field(property, unique));
      if (unique) {
        uniqueKeys.add(property.name());
      }
    }
    Set<String> propertyNames = new LinkedHashSet<>(fields.keySet());
    Set<String> required = new LinkedHashSet<>();
    type.requiredProperties().stream().filter(propertyNames::contains).forEach(required::add);

    List<DestinationField> allFields = new ArrayList<>(fields.values());
    allFields.add(new DestinationField(RECORD_ID, FieldType.ID, false, null, List.of(), true));

    List<String> byIdOrUnique = new ArrayList<>();
    byIdOrUnique.add(RECORD_ID);
    byIdOrUnique.addAll(uniqueKeys);
    Set<String> updatable = new LinkedHashSet<>(propertyNames);
    updatable.add(RECORD_ID);

    List<ObjectOperation> operations = new ArrayList<>();
    operations.add(new ObjectOperation(Operation.INSERT, List.of(), propertyNames, required));
    if (!uniqueKeys.isEmpty()) {
      operations.add(new ObjectOperation(Operation.UPSERT, uniqueKeys, propertyNames, Set.of()));
    }
    operations.add(new ObjectOperation(Operation.UPDATE, byIdOrUnique, updatable, Set.of()));
    operations.add(new ObjectOperation(Operation.ARCHIVE, byIdOrUnique, Set.copyOf(byIdOrUnique), Set.of()));
    return new DestinationObject(type.name(), type.label(), allFields, operations);
  }

  private static boolean isUnique(HubSpotObjectType type, HubSpotProperty property) {
    return property.hasUniqueValue() || ("contacts".equals(type.name()) && "email".equals(property.name()));
  }
}
