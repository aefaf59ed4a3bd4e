package io.activationsuite.sandbox.hubspot;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sandbox.Json;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * In-memory records of every object type with unique-value indexes (active records only). Not
 * thread-safe by itself: callers hold {@link #lock()} for a whole batch so a batch is applied
 * atomically with respect to other requests.
 */
final class RecordStore {

  /** A unique value already taken by another record. */
  record Conflict(String property, String value, String existingId) {
  }

  private static final long FIRST_ID = 1001;

  private final Object lock = new Object();
  private final Map<String, Map<String, HubSpotRecord>> records = new HashMap<>();
  private final Map<String, Map<String, Map<String, String>>> unique = new HashMap<>();
  private long nextId = FIRST_ID;

  Object lock() {
    return lock;
  }

  void clear() {
    records.clear();
    unique.clear();
    nextId = FIRST_ID;
  }

  Optional<HubSpotRecord> find(ObjectTypeDefinition type, String id, boolean archived) {
    HubSpotRecord r = byId(type).get(id);
    return r != null && r.archived() == archived ? Optional.of(r) : Optional.empty();
  }

  Optional<HubSpotRecord> findByUnique(ObjectTypeDefinition type, String property, String value) {
    String id = index(type, property).get(value);
    return id == null ? Optional.empty() : find(type, id, false);
  }

  /** The first unique value in {@code values} held by a record other than {@code selfId}. */
  Optional<Conflict> conflict(ObjectTypeDefinition type, Map<String, String> values, String selfId) {
    for (String property : type.uniqueProperties()) {
      String value = values.get(property);
      if (value == null) {
        continue;
      }
      String holder = index(type, property).get(value);
      if (holder != null && !holder.equals(selfId)) {
        return Optional.of(new Conflict(property, value, holder));
      }
    }
    return Optional.empty();
  }

  HubSpotRecord create(ObjectTypeDefinition type, Map<String, String> values, Instant now) {
    String id = Long.toString(nextId++);
    HubSpotRecord record = new HubSpotRecord(id, now);
    record.properties.put("hs_object_id", id);
    record.properties.put(type.createdProperty(), PropertyValues.formatInstant(now));
    byId(type).put(id, record);
    apply(type, record, values, now);
    return record;
  }

  void apply(ObjectTypeDefinition type, HubSpotRecord record, Map<String, String> values, Instant now) {
    unindex(type, record);
    values.forEach((k, v) -> {
      if (v == null) {
        record.properties.remove(k);
      } else {
        record.properties.put(k, v);
      }
    });
    record.updatedAt = now;
    record.properties.put(type.modifiedProperty(), PropertyValues.formatInstant(now));
    index(type, record);
  }

  void archive(ObjectTypeDefinition type, HubSpotRecord record, Instant now) {
    unindex(type, record);
    record.archivedAt = now;
    record.updatedAt = now;
  }

  ArrayNode toJson(ObjectTypeDefinition type) {
    ArrayNode array = Json.array();
    byId(type).values().forEach(r -> array.add(r.toJson(null, null)));
    return array;
  }

  ObjectNode toJson(Iterable<ObjectTypeDefinition> types) {
    ObjectNode node = Json.object();
    types.forEach(t -> node.set(t.name(), toJson(t)));
    return node;
  }

  private void index(ObjectTypeDefinition type, HubSpotRecord record) {
    if (record.archived()) {
      return;
    }
    for (String property : type.uniqueProperties()) {
      String value = record.properties.get(property);
      if (value != null) {
        index(type, property).put(value, record.id);
      }
    }
  }

  private void unindex(ObjectTypeDefinition type, HubSpotRecord record) {
    for (String property : type.uniqueProperties()) {
      String value = record.properties.get(property);
      if (value != null) {
        index(type, property).remove(value, record.id);
      }
    }
  }

  private Map<String, HubSpotRecord> byId(ObjectTypeDefinition type) {
    return records.computeIfAbsent(type.objectTypeId(), k -> new LinkedHashMap<>());
  }

  private Map<String, String> index(ObjectTypeDefinition type, String property) {
    return unique.computeIfAbsent(type.objectTypeId(), k -> new HashMap<>())
        .computeIfAbsent(property, k -> new HashMap<>());
  }
}
