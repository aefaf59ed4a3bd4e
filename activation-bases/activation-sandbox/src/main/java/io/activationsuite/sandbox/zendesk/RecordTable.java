package io.activationsuite.sandbox.zendesk;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sandbox.Json;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Records of one Zendesk object type keyed by id, with case-insensitive unique indexes (email,
 * external_id, organization name) so matching stays fast with many records. Not thread-safe: callers hold
 * the store lock.
 */
final class RecordTable {

  private final Map<String, ObjectNode> records = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> indexes = new HashMap<>();

  RecordTable(String... uniqueFields) {
    for (String field : uniqueFields) {
      indexes.put(field, new HashMap<>());
    }
  }

  Optional<ObjectNode> get(String id) {
    return Optional.ofNullable(records.get(id));
  }

  /** The record whose unique field has this value (case-insensitive). */
  Optional<ObjectNode> findBy(String field, String value) {
    if (value == null) {
      return Optional.empty();
    }
    String id = indexes.get(field).get(normalise(value));
    return id == null ? Optional.empty() : get(id);
  }

  /** Whether another record than {@code id} holds this unique value. */
  boolean taken(String field, String value, String id) {
    Optional<ObjectNode> other = findBy(field, value);
    return other.isPresent() && !other.get().path("id").asText().equals(id);
  }

  /** Stores (or replaces) a record, keeping the indexes current. */
  void put(ObjectNode record) {
    String id = record.path("id").asText();
    unindex(records.get(id));
    records.put(id, record);
    indexes.forEach((field, index) -> {
      String value = record.path(field).asText(null);
      if (value != null && !record.path(field).isNull()) {
        index.put(normalise(value), id);
      }
    });
  }

  Optional<ObjectNode> remove(String id) {
    ObjectNode old = records.remove(id);
    unindex(old);
    return Optional.ofNullable(old);
  }

  private void unindex(ObjectNode old) {
    if (old == null) {
      return;
    }
    String id = old.path("id").asText();
    indexes.forEach((field, index) -> {
      String value = old.path(field).asText(null);
      if (value != null) {
        index.remove(normalise(value), id);
      }
    });
  }

  List<ObjectNode> all() {
    return List.copyOf(records.values());
  }

  int size() {
    return records.size();
  }

  void clear() {
    records.clear();
    indexes.values().forEach(Map::clear);
  }

  ArrayNode toJson() {
    ArrayNode array = Json.array();
    records.values().forEach(r -> array.add(r.deepCopy()));
    return array;
  }

  private static String normalise(String value) {
    return value.trim().toLowerCase(Locale.ROOT);
  }
}
