package io.activationsuite.destination.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sink.api.OutboundRecord;
import java.util.Map;

/**
 * Builds one Zendesk bulk item from a mapped record: standard attributes at the top level, custom fields
 * under {@code user_fields} / {@code organization_fields} / {@code custom_object_fields} by key, or ticket
 * {@code custom_fields} as {@code [{id, value}]}; ticket {@code comment_body} and {@code requester_*} become
 * the nested {@code comment} and {@code requester}. Cleared fields are sent as null.
 */
final class ItemPayloads {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private ItemPayloads() {}

  /** The item for {@code record}; {@code keyField} names the matching key (null for inserts). */
  static ObjectNode item(ZendeskObject object, OutboundRecord record, String keyField) {
    ObjectNode item = JSON.objectNode();
    Map<String, JsonNode> values = new java.util.LinkedHashMap<>();
    record.payload().fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue()));
    record.nullFields().forEach(name -> values.put(name, JSON.nullNode()));
    if (keyField != null && record.matchingKey() != null) {
      values.put(keyField, keyValue(keyField, record.matchingKey()));
    }
    ObjectNode custom = JSON.objectNode();
    for (Map.Entry<String, JsonNode> e : values.entrySet()) {
      String name = e.getKey();
      ZendeskObject.CustomField field = object.custom().get(name);
      if (field != null) {
        if (object.kind() == ZendeskObject.Kind.TICKETS) {
          item.withArray("custom_fields").addObject().put("id", field.id()).set("value", e.getValue());
        } else {
          custom.set(field.key(), e.getValue());
        }
      } else if (object.kind() == ZendeskObject.Kind.TICKETS && name.equals("comment_body")) {
        item.with("comment").set("body", e.getValue());
      } else if (object.kind() == ZendeskObject.Kind.TICKETS && name.equals("comment_public")) {
        item.with("comment").set("public", e.getValue());
      } else if (object.kind() == ZendeskObject.Kind.TICKETS && name.startsWith("requester_")
          && !name.equals("requester_id")) {
        item.with("requester").set(name.substring("requester_".length()), e.getValue());
      } else {
        item.set(name, e.getValue());
      }
    }
    if (!custom.isEmpty()) {
      item.set(object.kind().fieldsProperty(), custom);
    }
    return item;
  }

  /** Numeric ids go as numbers, everything else as text. */
  static JsonNode keyValue(String keyField, String value) {
    if (keyField.equals("id") && value.matches("\\d{1,18}")) {
      return JSON.numberNode(Long.parseLong(value));
    }
    return JSON.textNode(value);
  }
}
