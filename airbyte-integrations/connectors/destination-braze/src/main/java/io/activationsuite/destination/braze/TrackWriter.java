package io.activationsuite.destination.braze;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.protocol.errors.ConfigErrorException;
import io.activationsuite.sink.api.BatchLimits;
import io.activationsuite.sink.api.BatchRejectedException;
import io.activationsuite.sink.api.ComposedWriter;
import io.activationsuite.sink.api.DeliveryUncertainException;
import io.activationsuite.sink.api.Operation;
import io.activationsuite.sink.api.OutboundRecord;
import io.activationsuite.sink.api.PlannedRequest;
import io.activationsuite.sink.api.RecordOutcome;
import io.activationsuite.sink.api.RejectionReason;
import io.activationsuite.sink.api.RequestDraft;
import io.activationsuite.sink.api.StreamPlan;
import io.activationsuite.sink.api.StreamRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes users (attributes), events and purchases with {@code POST /users/track}. The writers of one session
 * share their requests ({@link #requestPool()}): one call carries up to 75 objects combined across the
 * attributes, events and purchases arrays, as Braze batches them. Braze's per-object errors
 * ({@code input_array} + {@code index}) become rejections of exactly those records, in their own streams.
 * Attribute writes are idempotent and retried; events, purchases and array/increment operations are not, so
 * a request that may have reached Braze without an answer rejects those as delivery-uncertain and sends the
 * plain attributes of it again.
 */
final class TrackWriter implements ComposedWriter {

  static final int MAX_OBJECTS = 75;
  /** Braze refuses bodies over 4 MB with 413; stay below with room for the envelope. */
  static final long MAX_BYTES = 3_800_000;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Set<String> OPERATIONS = Set.of("inc", "add", "remove", "$add", "$remove");
  private static final String ATTRIBUTES = "attributes";
  private static final String TRACK_PATH = "users/track";

  private final BrazeHttp http;
  private final StreamPlan plan;

  TrackWriter(BrazeHttp http, StreamPlan plan) {
    this.http = http;
    this.plan = plan;
  }

  @Override
  public BatchLimits limits() {
    return new BatchLimits(MAX_OBJECTS, MAX_BYTES);
  }

  @Override
  public Object requestPool() {
    return http;
  }

  @Override
  public RequestDraft newRequest(Object group) {
    return RequestDraft.withCapacity(MAX_OBJECTS, record -> 1);
  }

  @Override
  public List<RecordOutcome> send(Object group, List<OutboundRecord> records) throws Exception {
    return sendShared(group, records.stream().map(r -> new StreamRecord(plan, r)).toList());
  }

  @Override
  public List<RecordOutcome> sendShared(Object group, List<StreamRecord> records) throws Exception {
    Track track = track(records);
    if (!track.sent().isEmpty()) {
      send(track.body(), track.sent(), track.positions(), track.resendable(), track.outcomes());
    }
    return Arrays.asList(track.outcomes());
  }

  /** The {@code /users/track} call {@link #send} would make of one composed request of this stream alone. */
  @Override
  public List<PlannedRequest> plannedRequests(List<OutboundRecord> records) {
    return plannedSharedRequests(records.stream().map(r -> new StreamRecord(plan, r)).toList());
  }

  /** The {@code /users/track} call {@link #sendShared} would make of these records, built by the same code. */
  @Override
  public List<PlannedRequest> plannedSharedRequests(List<StreamRecord> records) {
    Track track = track(records);
    return track.sent().isEmpty() ? List.of() : List.of(http.planned(TRACK_PATH, track.body()));
  }

  /**
   * One request's body and bookkeeping: the records it carries, their places per array, whether each may be
   * resent, and the outcomes of records refused before sending.
   */
  private record Track(ObjectNode body, List<Integer> sent, Map<String, List<Integer>> positions,
      boolean[] resendable, RecordOutcome[] outcomes) {}

  private static Track track(List<StreamRecord> records) {
    RecordOutcome[] outcomes = new RecordOutcome[records.size()];
    List<Integer> sent = new ArrayList<>();
    Map<String, List<Integer>> positions = new HashMap<>();
    boolean[] resendable = new boolean[records.size()];
    ObjectNode body = MAPPER.createObjectNode();
    for (int i = 0; i < records.size(); i++) {
      String array = array(records.get(i).plan());
      try {
        ObjectNode object = toObject(records.get(i).plan(), records.get(i).record());
        resendable[i] = array.equals(ATTRIBUTES) && !hasOperation(object);
        ((ArrayNode) body.withArray(array)).add(object);
        positions.computeIfAbsent(array, a -> new ArrayList<>()).add(i);
        sent.add(i);
      } catch (IllegalArgumentException e) {
        outcomes[i] = RecordOutcome.rejected(RejectionReason.INVALID_VALUE, null, e.getMessage(), null);
      }
    }
    return new Track(body, sent, positions, resendable, outcomes);
  }

  private void send(ObjectNode body, List<Integer> sent, Map<String, List<Integer>> positions,
      boolean[] resendable, RecordOutcome[] outcomes) throws Exception {
    boolean idempotent = sent.stream().allMatch(i -> resendable[i]);
    BrazeHttp.Answer answer;
    try {
      answer = idempotent ? http.post(BrazeHttp.Endpoint.TRACK, TRACK_PATH, body)
          : http.postOnce(BrazeHttp.Endpoint.TRACK, TRACK_PATH, body);
    } catch (DeliveryUncertainException e) {
      String reason = "DELIVERY_UNCERTAIN: " + e.getMessage() + "; Braze may have recorded this event, purchase"
          + " or array change, so it was not sent again (check Braze before replaying it)";
      sent.forEach(i -> outcomes[i] = resendable[i] ? RecordOutcome.retry("sent again: " + e.getMessage())
          : RecordOutcome.rejected(RejectionReason.DELIVERY_UNCERTAIN, null, reason, null));
      return;
    }
    switch (answer.status()) {
      case 200, 201, 202 -> {
        sent.forEach(i -> outcomes[i] = RecordOutcome.accepted(null));
        for (JsonNode error : answer.body().path("errors")) {
          List<Integer> array = positions.getOrDefault(error.path("input_array").asText(), List.of());
          int index = error.path("index").asInt(-1);
          if (index >= 0 && index < array.size()) {
            outcomes[array.get(index)] = rejection(error.path("type").asText("refused"), answer.status());
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

  private static String array(StreamPlan plan) {
    return switch (plan.object().name()) {
      case BrazeCatalog.USERS -> ATTRIBUTES;
      case BrazeCatalog.EVENTS -> "events";
      default -> "purchases";
    };
  }

  private static RecordOutcome rejection(String type, int status) {
    RejectionReason reason = type.startsWith("No user with") ? RejectionReason.NOT_FOUND
        : RejectionReason.REFUSED_BY_API;
    String field = type.startsWith("'") && type.indexOf('\'', 1) > 0 ? type.substring(1, type.indexOf('\'', 1))
        : null;
    return RecordOutcome.rejected(reason, field, "Braze refused the object: " + type, status);
  }

  private static ObjectNode toObject(StreamPlan plan, OutboundRecord record) {
    ObjectNode payload = record.payload();
    String key = UserIdentity.choose(payload, plan.matchingKey()).orElseThrow(() -> new IllegalArgumentException(
        "The record names no user: give one of " + String.join(", ", UserIdentity.PRECEDENCE)));
    ObjectNode object = MAPPER.createObjectNode();
    boolean attributes = plan.object().name().equals(BrazeCatalog.USERS);
    Optional<String> error = UserIdentity.write(payload, key, object);
    if (error.isPresent()) {
      throw new IllegalArgumentException(error.get());
    }
    JsonNode open = null;
    for (Iterator<Map.Entry<String, JsonNode>> it = payload.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String name = field.getKey();
      if (UserIdentity.skipped(name, key, attributes)) {
        continue;
      }
      if (name.equals(BrazeCatalog.CUSTOM_ATTRIBUTES) && attributes) {
        open = field.getValue();
      } else if (name.equals("properties") && !attributes && !field.getValue().isObject()) {
        throw new IllegalArgumentException("'properties' must be a JSON object of property names to values");
      } else {
        object.set(name, field.getValue());
      }
    }
    if (attributes) {
      record.nullFields().forEach(f -> object.set(f, NullNode.getInstance()));
      if (open != null) {
        if (!open.isObject()) {
          throw new IllegalArgumentException("custom_attributes must be a JSON object of attribute names to values");
        }
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
