package io.activationsuite.sink.preview;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sink.api.OutboundRecord;
import io.activationsuite.sink.api.StreamPlan;
import java.util.List;
import java.util.Locale;

/**
 * What a dry run planned for one stream: records and requests it would send and the first payloads (in
 * input order), exactly as the engine handed them to the connector's writer. Thread-safe (batches arrive concurrently).
 */
public final class DryRunStream {
  private final StreamPlan plan;
  private final int maxPayloads;
  private final java.util.TreeMap<Long, ObjectNode> payloads = new java.util.TreeMap<>();
  private long records;
  private long requests;

  public DryRunStream(StreamPlan plan, int maxPayloads) {
    this.plan = plan;
    this.maxPayloads = maxPayloads;
  }

  synchronized void planned(List<OutboundRecord> batch) {
    requests++;
    records += batch.size();
    for (OutboundRecord record : batch) {
      long order = order(record);
      if (payloads.size() >= maxPayloads && order >= payloads.lastKey()) {
        continue;
      }
      ObjectNode payload = record.payload().deepCopy();
      record.nullFields().forEach(payload::putNull);
      payloads.put(order, payload);
      if (payloads.size() > maxPayloads) {
        payloads.pollLastEntry();
      }
    }
  }

  /** Input order: the engine numbers records as they arrive (batches are planned concurrently). */
  private long order(OutboundRecord record) {
    try {
      return Long.parseLong(record.correlationId());
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE - payloads.size();
    }
  }

  public StreamPlan plan() {
    return plan;
  }

  /** The stream's part of the report: object, operation, planned records and requests, first payloads. */
  public synchronized ObjectNode toJson() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("stream", plan.stream().name());
    if (plan.stream().namespace() != null) {
      json.put("namespace", plan.stream().namespace());
    }
    json.put("object", plan.object().name());
    json.put("operation", plan.operation().name().toLowerCase(Locale.ROOT));
    if (plan.matchingKey() != null) {
      json.put("matching_key", plan.matchingKey());
    }
    json.put("records", records);
    json.put("requests", requests);
    ArrayNode first = json.putArray("payloads");
    payloads.values().forEach(payload -> first.add(payload.deepCopy()));
    return json;
  }
}
