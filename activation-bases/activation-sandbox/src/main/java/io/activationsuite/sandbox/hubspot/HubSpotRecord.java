package io.activationsuite.sandbox.hubspot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sandbox.Json;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One stored CRM record. Mutable, guarded by the owning {@link RecordStore}'s lock.
 */
final class HubSpotRecord {

  final String id;
  final Map<String, String> properties = new LinkedHashMap<>();
  final Instant createdAt;
  Instant updatedAt;
  Instant archivedAt;

  HubSpotRecord(String id, Instant createdAt) {
    this.id = id;
    this.createdAt = createdAt;
    this.updatedAt = createdAt;
  }

  boolean archived() {
    return archivedAt != null;
  }

  /** The record as a SimplePublicObject; {@code only} limits properties (null = all). */
  ObjectNode toJson(Collection<String> only, String objectWriteTraceId) {
    ObjectNode node = Json.object();
    node.put("id", id);
    ObjectNode props = node.putObject("properties");
    if (only == null) {
      properties.forEach(props::put);
    } else {
      for (String name : only) {
        props.put(name, properties.get(name));
      }
    }
    node.put("createdAt", PropertyValues.formatInstant(createdAt))
        .put("updatedAt", PropertyValues.formatInstant(updatedAt))
        .put("archived", archived());
    if (archived()) {
      node.put("archivedAt", PropertyValues.formatInstant(archivedAt));
    }
    if (objectWriteTraceId != null) {
      node.put("objectWriteTraceId", objectWriteTraceId);
    }
    return node;
  }
}
