package io.activationsuite.destination.hubspot;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.List;

/**
 * Builds the JSON bodies of HubSpot's CRM v3 batch endpoints (create, update, upsert, archive, read).
 * Every input that carries properties also carries {@code objectWriteTraceId}, which HubSpot echoes in
 * results and errors so a 207 can be joined back to records.
 */
public final class BatchRequests {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private BatchRequests() {}

  /** {@code POST /crm/v3/objects/{type}/batch/create}. */
  public static ObjectNode create(List<BatchInput> inputs) {
    ObjectNode body = JSON.objectNode();
    ArrayNode array = body.putArray("inputs");
    for (BatchInput input : inputs) {
      ObjectNode node = array.addObject();
      node.set("properties", input.properties());
      node.putArray("associations");
      node.put("objectWriteTraceId", input.traceId());
    }
    return body;
  }

  /**
   * {@code batch/update} or {@code batch/upsert}: inputs identified by record id ({@code idProperty}
   * null) or by a unique property.
   */
  public static ObjectNode identified(List<BatchInput> inputs, String idProperty) {
    ObjectNode body = JSON.objectNode();
    ArrayNode array = body.putArray("inputs");
    for (BatchInput input : inputs) {
      ObjectNode node = array.addObject();
      node.put("id", input.id());
      if (idProperty != null) {
        node.put("idProperty", idProperty);
      }
      node.set("properties", input.properties());
      node.put("objectWriteTraceId", input.traceId());
    }
    return body;
  }

  /** {@code POST /crm/v3/objects/{type}/batch/archive} by record ids. */
  public static ObjectNode archive(Collection<String> recordIds) {
    ObjectNode body = JSON.objectNode();
    ArrayNode array = body.putArray("inputs");
    recordIds.forEach(id -> array.addObject().put("id", id));
    return body;
  }

  /** {@code POST /crm/v3/objects/{type}/batch/read} by values of a unique property, returning it. */
  public static ObjectNode readByProperty(Collection<String> values, String idProperty) {
    ObjectNode body = JSON.objectNode();
    body.put("idProperty", idProperty);
    ArrayNode array = body.putArray("inputs");
    values.forEach(v -> array.addObject().put("id", v));
    body.putArray("properties").add(idProperty);
    body.putArray("propertiesWithHistory");
    return body;
  }
}
