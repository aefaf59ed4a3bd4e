package io.activationsuite.destination.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sink.api.BatchLimits;
import io.activationsuite.sink.api.BatchRejectedException;
import io.activationsuite.sink.api.BatchWriter;
import io.activationsuite.sink.api.DestinationField;
import io.activationsuite.sink.api.Operation;
import io.activationsuite.sink.api.OutboundRecord;
import io.activationsuite.sink.api.PlannedRequest;
import io.activationsuite.sink.api.RecordOutcome;
import io.activationsuite.sink.api.RejectionReason;
import io.activationsuite.sink.api.StreamPlan;
import io.activationsuite.sink.http.Idempotency;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Writes batches of one stream plan with HubSpot's CRM v3 batch endpoints: create, update (by record id
 * or a unique property), upsert (by a unique property) and archive (by record id, or by a unique property
 * resolved to ids with {@code batch/read} first). Each call takes at most 100 inputs.
 */
public final class HubSpotBatchWriter implements BatchWriter {

  /** HubSpot's maximum number of inputs per batch call. */
  public static final int MAX_INPUTS = 100;
  /** Request body budget per call, well under what HubSpot accepts. */
  public static final long MAX_BYTES = 3_000_000;

  private final HubSpotHttp http;
  private final HubSpotObjectType type;
  private final Operation operation;
  private final String idProperty;
  private final Map<String, DestinationField> fields;

  /** A writer for the plan's object (already resolved to its API type) and operation. */
  public HubSpotBatchWriter(HubSpotHttp http, HubSpotObjectType type, StreamPlan plan) {
    this.http = http;
    this.type = type;
    this.operation = plan.operation();
    String key = plan.matchingKey();
    this.idProperty = key == null || ObjectDescriber.RECORD_ID.equals(key) ? null : key;
    this.fields = plan.object().fieldsByName();
    if (operation == Operation.DELETE) {
      throw new IllegalArgumentException("HubSpot offers ARCHIVE, not DELETE");
    }
    if (operation == Operation.UPSERT && idProperty == null) {
      throw new IllegalArgumentException("upsert needs a unique property as matching key, not the record id");
    }
  }

  @Override
  public BatchLimits limits() {
    return new BatchLimits(MAX_INPUTS, MAX_BYTES);
  }

  @Override
  public List<RecordOutcome> write(List<OutboundRecord> batch) throws Exception {
    if (batch.isEmpty()) {
      return List.of();
    }
    if (operation == Operation.ARCHIVE) {
      return archive(batch);
    }
    Call call = call(batch);
    HubSpotResponse response = http.post(call.path(), call.body(), call.idempotency());
    ResponseErrors.requireBatchResults(response, verb() + " " + type.name());
    return BatchResults.outcomes(call.inputs(), response.status(), response.body(), call.joinProperty());
  }

  /**
   * The calls {@link #write} would make for {@code batch}, built by the same code. An archive by a unique
   * property first reads the record ids ({@code batch/read}); its archive body then names each id as
   * {@code {id of VALUE}}.
   */
  @Override
  public List<PlannedRequest> plannedRequests(List<OutboundRecord> batch) {
    if (batch.isEmpty()) {
      return List.of();
    }
    if (operation != Operation.ARCHIVE) {
      Call call = call(batch);
      return List.of(ApiClientHubSpotHttp.planned(call.path(), call.body()));
    }
    List<String> keys = batch.stream().map(OutboundRecord::matchingKey).toList();
    if (idProperty == null) {
      return List.of(ApiClientHubSpotHttp.planned(objectsPath("batch/archive"),
          BatchRequests.archive(new LinkedHashSet<>(keys))));
    }
    Set<String> placeholders = new LinkedHashSet<>();
    keys.forEach(k -> placeholders.add("{id of " + k + "}"));
    return List.of(ApiClientHubSpotHttp.planned(objectsPath("batch/read"), readBody(keys)),
        ApiClientHubSpotHttp.planned(objectsPath("batch/archive"), BatchRequests.archive(placeholders)));
  }

  /** One create, update or upsert call: where it goes, its body, and how its answer joins back. */
  private record Call(String path, ObjectNode body, List<BatchInput> inputs, String joinProperty,
      Idempotency idempotency) {}

  private Call call(List<OutboundRecord> batch) {
    return switch (operation) {
      // a create HubSpot may have applied is not resent: it could duplicate the records (DELIVERY_UNCERTAIN)
      case INSERT -> call("batch/create", inputs(batch, false), BatchRequests::create, null,
          Idempotency.NOT_IDEMPOTENT);
      case UPDATE -> call("batch/update", inputs(batch, true), in -> BatchRequests.identified(in, idProperty),
          idProperty, Idempotency.IDEMPOTENT);
      case UPSERT -> call("batch/upsert", inputs(batch, true), in -> BatchRequests.identified(in, idProperty),
          idProperty, Idempotency.IDEMPOTENT);
      case ARCHIVE, DELETE -> throw new IllegalStateException("unreachable");
    };
  }

  private Call call(String endpoint, List<BatchInput> inputs, Function<List<BatchInput>, ObjectNode> body,
      String joinProperty, Idempotency idempotency) {
    return new Call(objectsPath(endpoint), body.apply(inputs), inputs, joinProperty, idempotency);
  }

  private List<BatchInput> inputs(List<OutboundRecord> batch, boolean identified) {
    List<BatchInput> inputs = new ArrayList<>(batch.size());
    for (OutboundRecord record : batch) {
      ObjectNode properties = WireValues.properties(record, fields, ObjectDescriber.RECORD_ID);
      inputs.add(new BatchInput(record.correlationId(), identified ? record.matchingKey() : null, properties));
    }
    return inputs;
  }

  private ObjectNode readBody(List<String> keys) {
    return BatchRequests.readByProperty(new LinkedHashSet<>(keys), idProperty);
  }

  private List<RecordOutcome> archive(List<OutboundRecord> batch) throws Exception {
    List<String> keys = batch.stream().map(OutboundRecord::matchingKey).toList();
    Map<String, String> idsByKey = idProperty == null ? identity(keys) : resolveIds(keys);
    Set<String> ids = new LinkedHashSet<>(idsByKey.values());
    if (!ids.isEmpty()) {
      HubSpotResponse response = http.post(objectsPath("batch/archive"), BatchRequests.archive(ids),
          Idempotency.IDEMPOTENT);
      ResponseErrors.requireBatchResults(response, "archive " + type.name());
      if (response.body().has("errors")) {
        List<BatchInput> inputs = ids.stream().map(id -> new BatchInput(null, id, null)).toList();
        List<RecordOutcome> byId = BatchResults.outcomes(inputs, response.status(), response.body(), null);
        return joinArchive(keys, idsByKey, new ArrayList<>(ids), byId);
      }
    }
    return joinArchive(keys, idsByKey, List.of(), List.of());
  }

  private List<RecordOutcome> joinArchive(List<String> keys, Map<String, String> idsByKey, List<String> ids,
      List<RecordOutcome> outcomesById) {
    List<RecordOutcome> outcomes = new ArrayList<>(keys.size());
    for (String key : keys) {
      String id = idsByKey.get(normalise(key));
      if (id == null) {
        outcomes.add(RecordOutcome.rejected(RejectionReason.NOT_FOUND, idProperty,
            "No " + type.name() + " record has " + idProperty + " = " + key, 404));
      } else {
        int at = ids.indexOf(id);
        outcomes.add(at >= 0 ? outcomesById.get(at) : RecordOutcome.accepted(id));
      }
    }
    return outcomes;
  }

  private Map<String, String> identity(List<String> keys) {
    Map<String, String> map = new HashMap<>();
    keys.forEach(k -> map.put(normalise(k), k));
    return map;
  }

  /** Record ids of the records whose unique property has these values; absent values are not found. */
  private Map<String, String> resolveIds(List<String> keys) throws IOException, BatchRejectedException {
    HubSpotResponse response = http.post(objectsPath("batch/read"), readBody(keys), Idempotency.IDEMPOTENT);
    if (response.status() == 404) {
      return Map.of();
    }
    ResponseErrors.requireBatchResults(response, "look up " + type.name() + " by " + idProperty);
    Map<String, String> ids = new HashMap<>();
    for (JsonNode result : response.body().path("results")) {
      String value = result.path("properties").path(idProperty).asText(null);
      if (value != null && result.hasNonNull("id")) {
        ids.put(normalise(value), result.get("id").asText());
      }
    }
    return ids;
  }

  private String objectsPath(String endpoint) {
    return "/crm/v3/objects/" + type.pathType() + "/" + endpoint;
  }

  private String verb() {
    return operation.name().toLowerCase(Locale.ROOT);
  }

  private static String normalise(String value) {
    return value.trim().toLowerCase(Locale.ROOT);
  }
}
