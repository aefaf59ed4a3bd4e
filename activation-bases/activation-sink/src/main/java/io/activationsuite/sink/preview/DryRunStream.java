package io.activationsuite.sink.preview;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sink.api.OutboundRecord;
import io.activationsuite.sink.api.PlannedRequest;
import io.activationsuite.sink.api.StreamPlan;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * What a dry run planned for one stream: records and requests it would send, the first payloads (in
 * input order) as the engine handed them to the connector's writer, and the requests of the first batch
 * exactly as the writer would send them ({@link io.activationsuite.sink.api.BatchWriter#plannedRequests},
 * bodies above {@link #MAX_BODY_CHARS} cut). Thread-safe (batches arrive concurrently).
 */
public final class DryRunStream {
  /** Characters of a planned request's body kept in the report (the rest is counted, not kept). */
  public static final int MAX_BODY_CHARS = 64 * 1024;
  /** Planned requests of the first batch kept in the report. */
  public static final int MAX_REQUESTS = 5;
  private final StreamPlan plan;
  private final int maxPayloads;
  private long firstBatchOrder = Long.MAX_VALUE;
  private List<PlannedRequest> firstRequests = List.of();
  private final java.util.TreeMap<Long, ObjectNode> payloads = new java.util.TreeMap<>();
  private long records;
  private long requests;
  private long sharedRequests;

  public DryRunStream(StreamPlan plan, int maxPayloads) {
    this.plan = plan;
    this.maxPayloads = maxPayloads;
  }

  /**
   * Records one planned batch; {@code requests} (the writer's requests for it) is asked only when the batch
   * starts earlier in input order than every batch seen so far.
   */
  synchronized void planned(List<OutboundRecord> batch, Supplier<List<PlannedRequest>> requests) {
    planned(batch, false, requests);
  }

  /**
   * As {@link #planned(List, Supplier)}, for this stream's part of a request that may also carry other streams'
   * records ({@code shared}: it does), whose requests {@code requests} builds whole.
   */
  synchronized void planned(List<OutboundRecord> batch, boolean shared, Supplier<List<PlannedRequest>> requests) {
    if (!batch.isEmpty() && order(batch.get(0)) < firstBatchOrder) {
      firstBatchOrder = order(batch.get(0));
      firstRequests = requests.get();
    }
    if (shared) {
      sharedRequests++;
    }
    planned(batch);
  }

  private synchronized void planned(List<OutboundRecord> batch) {
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

  private static ObjectNode toJson(PlannedRequest request) {
    ObjectNode json = JsonNodeFactory.instance.objectNode().put("method", request.method())
        .put("path", request.path());
    if (request.body() != null) {
      json.put("content_type", request.contentType());
      String body = request.body();
      if (body.length() > MAX_BODY_CHARS) {
        json.put("body_chars", body.length()).put("body_cut", true);
        body = body.substring(0, MAX_BODY_CHARS);
      }
      json.put("body", body);
    }
    return json;
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
    if (sharedRequests > 0) {
      json.put("shared_requests", sharedRequests);
    }
    ArrayNode first = json.putArray("payloads");
    payloads.values().forEach(payload -> first.add(payload.deepCopy()));
    if (!firstRequests.isEmpty()) {
      ArrayNode planned = json.putArray("first_requests");
      firstRequests.stream().limit(MAX_REQUESTS).forEach(request -> planned.add(toJson(request)));
    }
    return json;
  }
}
