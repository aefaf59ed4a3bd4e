package io.activationsuite.destination.braze;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.protocol.errors.ConfigErrorException;
import io.activationsuite.sink.api.BatchLimits;
import io.activationsuite.sink.api.BatchRejectedException;
import io.activationsuite.sink.api.BatchWriter;
import io.activationsuite.sink.api.Operation;
import io.activationsuite.sink.api.OutboundRecord;
import io.activationsuite.sink.api.RecordOutcome;
import io.activationsuite.sink.api.RejectionReason;
import io.activationsuite.sink.api.StreamPlan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes users (attributes), events or purchases with {@code POST /users/track}: one request per batch of at
 * most 75 objects, which satisfies both Braze batching rules (75 combined, or 75 per array). Braze's
 * per-object errors ({@code input_array} + {@code index}) become rejections of exactly those records.
 * Attribute writes are idempotent and retried; events, purchases and array/increment operations are not, so
 * a request that may have reached Braze without an answer rejects its records as delivery-uncertain.
 */
final class TrackWriter implements BatchWriter {

  static final int MAX_OBJECTS = 75;
  /** Braze refuses bodies over 4 MB with 413; stay below with room for the envelope. */
  static final long MAX_BYTES = 3_800_000;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Set<String> OPERATIONS = Set.of("inc", "add", "remove", "$add", "$remove");

  private final BrazeHttp http;
  private final String array;
  private final StreamPlan plan;
  private final Set<String> jsonFields;

  TrackWriter(BrazeHttp http, StreamPlan plan, Set<String> jsonFields) {
    this.http = http;
    this.plan = plan;
    this.jsonFields = jsonFields;
    this.array = switch (plan.object().name()) {
      case BrazeCatalog.USERS -> "attributes";
      case BrazeCatalog.EVENTS -> "events";
      default -> "purchases";
    };
  }

  @Override
  public BatchLimits limits() {
    return new BatchLimits(MAX_OBJECTS, MAX_BYTES);
  }

  @Override
  public List<RecordOutcome> write(List<OutboundRecord> batch) throws Exception {
    RecordOutcome[] outcomes = new RecordOutcome[batch.size()];
    List<Integer> sent = new ArrayList<>();
    ObjectNode body = MAPPER.createObjectNode();
    var objects = body.putArray(array);
    boolean idempotent = array.equals("attributes");
    for (int i = 0; i < batch.size(); i++) {
      try {
        ObjectNode object = toObject(batch.get(i));
        idempotent &= !hasOperation(object);
        objects.add(object);
        sent.add(i);
      } catch (IllegalArgumentException e) {
        outcomes[i] = RecordOutcome.rejected(RejectionReason.INVALID_VALUE, null, e.getMessage(), null);
      }
    }
    if (!sent.isEmpty()) {
      send(body, idempotent, sent, outcomes);
    }
    return Arrays.asList(outcomes);
  }

  private void send(ObjectNode body, boolean idempotent, List<Integer> sent, RecordOutcome[] outcomes)
      throws Exception {
    BrazeHttp.Answer answer;
    try {
      answer = idempotent ? http.post(BrazeHttp.Endpoint.TRACK, "users/track", body)
          : http.postOnce(BrazeHttp.Endpoint.TRACK, "users/track", body);
    } catch (BrazeHttp.DeliveryUncertainException e) {
      String reason = "DELIVERY_UNCERTAIN: " + e.getMessage() + "; Braze may have recorded these " + array
          + ", so they were not sent again (check Braze before replaying them)";
      sent.forEach(i -> outcomes[i] = RecordOutcome.rejected(RejectionReason.DELIVERY_UNCERTAIN, null, reason, null));
      return;
    }
    switch (answer.status()) {
      case 200, 201, 202 -> {
        sent.forEach(i -> outcomes[i] = RecordOutcome.accepted(null));
        for (JsonNode error : answer.body().path("errors")) {
          int index = error.path("index").asInt(-1);
          if (array.equals(error.path("input_array").asText()) && index >= 0 && index < sent.size()) {
            outcomes[sent.get(index)] = rejection(error.path("type").asText("refused"), answer.status());
          }
        }
      }
      case 401 -> throw new ConfigErrorException("Braze refused the REST API key (HTTP 401). Check api_key and"
          + " instance.");
      case 403 -> throw new ConfigErrorException("The Braze REST API key lacks the permission users.track."
          + " Add it under Settings > APIs and Identifiers, then retry.");
      case 413 -> {
        if (sent.size() > 1) {
          throw new BatchRejectedException(413, RejectionReason.RECORD_TOO_LARGE, answer.message());
        }
        outcomes[sent.get(0)] = RecordOutcome.rejected(RejectionReason.RECORD_TOO_LARGE, null,
            "Braze refused the request as larger than 4 MB (HTTP 413): " + answer.message(), 413);
      }
      default -> throw new BatchRejectedException(answer.status(), RejectionReason.REFUSED_BY_API,
          "Braze refused the request (HTTP " + answer.status() + "): " + answer.message());
    }
  }

  private static RecordOutcome rejection(String type, int status) {
    RejectionReason reason = type.startsWith("No user with") ? RejectionReason.NOT_FOUND
        : RejectionReason.REFUSED_BY_API;
    String field = type.startsWith("'") && type.indexOf('\'', 1) > 0 ? type.substring(1, type.indexOf('\'', 1))
        : null;
    return RecordOutcome.rejected(reason, field, "Braze refused the object: " + type, status);
  }

  private ObjectNode toObject(OutboundRecord record) {
    ObjectNode payload = record.payload();
    String key = UserIdentity.choose(payload, plan.matchingKey()).orElseThrow(() -> new IllegalArgumentException(
        "The record names no user: give one of " + String.join(", ", UserIdentity.PRECEDENCE)));
    ObjectNode object = MAPPER.createObjectNode();
    boolean attributes = array.equals("attributes");
    Optional<String> error = UserIdentity.write(payload, key, object);
    if (error.isPresent()) {
      throw new IllegalArgumentException(error.get());
    }
    ObjectNode open = null;
    for (Iterator<Map.Entry<String, JsonNode>> it = payload.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String name = field.getKey();
      if (UserIdentity.skipped(name, key, attributes)) {
        continue;
      }
      JsonNode value = jsonFields.contains(name) ? json(name, field.getValue()) : field.getValue();
      if (name.equals(BrazeCatalog.CUSTOM_ATTRIBUTES)) {
        if (!value.isObject()) {
          throw new IllegalArgumentException("custom_attributes must be a JSON object of attribute names to values");
        }
        open = (ObjectNode) value;
      } else {
        object.set(name, value);
      }
    }
    if (attributes) {
      record.nullFields().forEach(f -> object.set(f, NullNode.getInstance()));
      if (open != null) {
        open.fields().forEachRemaining(e -> {
          if (!object.has(e.getKey())) {
            object.set(e.getKey(), e.getValue());
          }
        });
      }
      object.put("_update_existing_only", plan.operation() == Operation.UPDATE);
    }
    return object;
  }

  private static JsonNode json(String name, JsonNode value) {
    if (!value.isTextual()) {
      return value;
    }
    try {
      JsonNode parsed = MAPPER.readTree(value.asText());
      if (parsed == null || !(parsed.isObject() || parsed.isArray())) {
        throw new IllegalArgumentException("'" + name + "' must be a JSON object or array");
      }
      if (name.equals("properties") && !parsed.isObject()) {
        throw new IllegalArgumentException("'properties' must be a JSON object");
      }
      return parsed;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("'" + name + "' is not valid JSON: " + e.getOriginalMessage());
    }
  }

  private static boolean hasOperation(ObjectNode object) {
    for (JsonNode value : object) {
      if (value.isObject()) {
        for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
          if (OPERATIONS.contains(names.next())) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
