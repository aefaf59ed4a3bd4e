package io.activationsuite.destination.salesforce.collections;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.destination.salesforce.http.ApiError;
import io.activationsuite.destination.salesforce.http.SalesforceRest;
import io.activationsuite.destination.salesforce.write.ErrorOutcomes;
import io.activationsuite.destination.salesforce.write.FieldValues;
import io.activationsuite.protocol.errors.ConfigErrorException;
import io.activationsuite.protocol.errors.SystemErrorException;
import io.activationsuite.sink.api.BatchLimits;
import io.activationsuite.sink.api.BatchRejectedException;
import io.activationsuite.sink.api.BatchWriter;
import io.activationsuite.sink.api.DeliveryUncertainException;
import io.activationsuite.sink.api.Operation;
import io.activationsuite.sink.api.OutboundRecord;
import io.activationsuite.sink.api.PlannedRequest;
import io.activationsuite.sink.api.RecordOutcome;
import io.activationsuite.sink.api.RejectionReason;
import io.activationsuite.sink.http.ApiResponse;
import io.activationsuite.sink.http.Idempotency;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import okhttp3.RequestBody;

/**
 * Writes through the synchronous sObject Collections API with {@code allOrNone=false}: create
 * ({@code POST composite/sobjects}), update ({@code PATCH composite/sobjects}), upsert
 * ({@code PATCH composite/sobjects/{SObject}/{ExternalIdField}}) and delete
 * ({@code DELETE composite/sobjects?ids=..}), 200 records per request. SaveResults come back in input
 * order and become one outcome per record. Larger batches (from the auto strategy) are sent in chunks.
 */
public final class CollectionsWriter implements BatchWriter {
  /** Records per Collections request (the API's limit). */
  public static final int MAX_RECORDS = 200;
  /** Bytes per request we allow the engine to batch (well under the REST payload limit). */
  public static final long MAX_BYTES = 6L * 1024 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();
  private final SalesforceRest http;
  private final String object;
  private final Operation operation;
  private final String matchingKey;

  public CollectionsWriter(SalesforceRest http, String object, Operation operation, String matchingKey) {
    this.http = http;
    this.object = object;
    this.operation = operation;
    this.matchingKey = matchingKey;
  }

  @Override
  public BatchLimits limits() {
    return new BatchLimits(MAX_RECORDS, MAX_BYTES);
  }

  @Override
  public List<RecordOutcome> write(List<OutboundRecord> batch) throws BatchRejectedException {
    List<RecordOutcome> outcomes = new ArrayList<>(batch.size());
    for (int start = 0; start < batch.size(); start += MAX_RECORDS) {
      outcomes.addAll(writeChunk(batch.subList(start, Math.min(batch.size(), start + MAX_RECORDS))));
    }
    return outcomes;
  }

  /** One Collections call: method, path, JSON body (null for delete) and whether it may be resent. */
  private record Call(String method, String path, String body, Idempotency idempotency) {}

  private Call call(List<OutboundRecord> chunk) {
    return switch (operation) {
      // a create that may have reached Salesforce is not resent: it could create duplicates
      case INSERT -> new Call("POST", "composite/sobjects", body(chunk, false), Idempotency.NOT_IDEMPOTENT);
      // update by Id and upsert by external id leave the same result when applied twice
      case UPDATE -> new Call("PATCH", "composite/sobjects", body(chunk, true), Idempotency.IDEMPOTENT);
      case UPSERT -> new Call("PATCH", "composite/sobjects/" + object + "/" + matchingKey, body(chunk, false),
          Idempotency.IDEMPOTENT);
      case DELETE, ARCHIVE -> new Call("DELETE", "composite/sobjects?allOrNone=false&ids="
          + chunk.stream().map(r -> URLEncoder.encode(key(r), StandardCharsets.UTF_8))
          .collect(Collectors.joining(",")), null, Idempotency.IDEMPOTENT);
    };
  }

  /** The calls {@link #write} makes for {@code batch}, one per chunk of 200, for a preview. */
  @Override
  public List<PlannedRequest> plannedRequests(List<OutboundRecord> batch) {
    List<PlannedRequest> requests = new ArrayList<>();
    for (int start = 0; start < batch.size(); start += MAX_RECORDS) {
      Call call = call(batch.subList(start, Math.min(batch.size(), start + MAX_RECORDS)));
      requests.add(new PlannedRequest(call.method(), http.path(call.path()),
          call.body() == null ? null : SalesforceRest.JSON.toString(), call.body()));
    }
    return requests;
  }

  private List<RecordOutcome> writeChunk(List<OutboundRecord> chunk) throws BatchRejectedException {
    ApiResponse response;
    try {
      Call call = call(chunk);
      response = http.send(call.method(), call.path(),
          call.body() == null ? null : RequestBody.create(call.body(), SalesforceRest.JSON), call.idempotency());
    } catch (DeliveryUncertainException e) {
      // only this chunk's records are uncertain; earlier chunks already have their answers
      return Collections.nCopies(chunk.size(), e.outcome());
    }
    if (response.status() == 400) {
      List<ApiError> errors = ApiError.all(response);
      RejectionReason reason = errors.isEmpty() ? RejectionReason.REFUSED_BY_API
          : ErrorOutcomes.reason(errors.get(0).code());
      throw new BatchRejectedException(400, reason, ApiError.describe(response));
    }
    if (response.status() == 403 || response.status() == 404) {
      throw new ConfigErrorException("Salesforce refused to write " + object + " (" + ApiError.describe(response)
          + "): check the object name and the user's permissions on it.");
    }
    if (!response.isSuccessful()) {
      throw new SystemErrorException("Unexpected answer writing " + object + " with sObject Collections ("
          + ApiError.describe(response) + ")");
    }
    return outcomes(response, chunk.size());
  }

  private String body(List<OutboundRecord> chunk, boolean withId) {
    ObjectNode root = JSON.createObjectNode().put("allOrNone", false);
    ArrayNode records = root.putArray("records");
    for (OutboundRecord record : chunk) {
      ObjectNode node = records.addObject();
      node.putObject("attributes").put("type", object);
      for (Iterator<Map.Entry<String, JsonNode>> it = record.payload().fields(); it.hasNext();) {
        Map.Entry<String, JsonNode> field = it.next();
        node.set(field.getKey(), FieldValues.json(field.getValue()));
      }
      if (record.nullFields() != null) {
        record.nullFields().forEach(node::putNull);
      }
      if (matchingKey != null && operation != Operation.INSERT && !node.hasNonNull(matchingKey)) {
        node.put(matchingKey, record.matchingKey());
      }
      if (withId && !node.hasNonNull("id") && node.hasNonNull("Id")) {
        node.set("id", node.remove("Id"));
      }
    }
    return root.toString();
  }

  private String key(OutboundRecord record) {
    JsonNode value = record.payload().get(matchingKey == null ? "Id" : matchingKey);
    return value != null && !value.isNull() ? value.asText() : record.matchingKey();
  }

  private static List<RecordOutcome> outcomes(ApiResponse response, int expected) {
    JsonNode results;
    try {
      results = JSON.readTree(response.bodyString());
    } catch (IOException e) {
      throw new SystemErrorException("Salesforce answered sObject Collections with unreadable JSON", e);
    }
    if (results == null || !results.isArray() || results.size() != expected) {
      throw new SystemErrorException("sObject Collections returned " + (results == null ? 0 : results.size())
          + " results for " + expected + " records");
    }
    List<RecordOutcome> outcomes = new ArrayList<>(expected);
    for (JsonNode result : results) {
      if (result.path("success").asBoolean(false)) {
        outcomes.add(RecordOutcome.accepted(result.path("id").asText(null)));
      } else {
        JsonNode errors = result.path("errors");
        ApiError error = errors.isArray() && !errors.isEmpty() ? ApiError.of(errors.get(0))
            : new ApiError("UNKNOWN", "Salesforce reported a failure without an error", List.of());
        outcomes.add(ErrorOutcomes.outcome(error));
      }
    }
    return outcomes;
  }
}
