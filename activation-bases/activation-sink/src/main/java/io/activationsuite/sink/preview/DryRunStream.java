package io.activationsuite.sink.preview;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sink.api.OutboundRecord;
import io.activationsuite.sink.api.StreamPlan;
import java.util.List;
import java.util.Locale;

/**
 * What a dry run planned for one stream: records and requests it would send and the first payloads,
 * exactly as the engine handed them to the connector's writer. Thread-safe (batches arrive concurrently).
 */
public final class DryRunStream {
  private final StreamPlan plan;
  private final int maxPayloads;
  private final ArrayNode payloads = JsonNodeFactory.instance.arrayNode();
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
      if (payloads.size() >= maxPayloads) {
        break;
      }
      ObjectNode payload = record.payload().deepCopy();
      record.nullFields().forEach(payload::putNull);
      payloads.add(payload);
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
    json.set("payloads", payloads.deepCopy());
    return json;
  }
}
