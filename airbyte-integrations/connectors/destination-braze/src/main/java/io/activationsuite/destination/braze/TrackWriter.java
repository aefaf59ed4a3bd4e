package io.activationsuite.destination.braze;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.protocol.errors.ConfigErrorException;
import io.activationsuite.sink.api.BatchLimits;
import io.activationsuite.sink.api.BatchRejectedException;
import io.activationsuite.sink.api.ComposedWriter;
import io.activationsuite.sink.api.DeliveryUncertainException;
import io.activationsuite.sink.api.Operation;
import io.activationsuite.sink.api.OutboundRecord;
import io.activationsuite.sink.api.RecordOutcome;
import io.activationsuite.sink.api.RejectionReason;
import io.activationsuite.sink.api.RequestDraft;
import io.activationsuite.sink.api.StreamPlan;
import io.activationsuite.sink.api.StreamRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
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
  private static final String USER_ALIAS = "user_alias";
  private static final String UPDATE_EXISTING_ONLY = "_update_existing_only";
  private static final String PROPERTIES_NOT_OBJECT = "'properties' must be a JSON object of property names to values";

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
    RecordOutcome[] outcomes = new RecordOutcome[records.size()];
    List<Integer> sent = new ArrayList<>(records.size());
    Map<String, List<Integer>> positions = new LinkedHashMap<>();
    boolean[] resendable = new boolean[records.size()];
    Prepared[] objects = new Prepared[records.size()];
    for (int i = 0; i < records.size(); i++) {
      String array = array(records.get(i).plan());
      try {
        objects[i] = prepare(records.get(i).plan(), records.get(i).record());
        resendable[i] = array.equals(ATTRIBUTES) && !objects[i].hasOperation();
        positions.computeIfAbsent(array, a -> new ArrayList<>()).add(i);
        sent.add(i);
      } catch (IllegalArgumentException e) {
        outcomes[i] = RecordOutcome.rejected(RejectionReason.INVALID_VALUE, null, e.getMessage(), null);
      }
    }
    if (!sent.isEmpty()) {
      send(body(positions, objects), sent, positions, resendable, outcomes);
    }
    return Arrays.asList(outcomes);
  }

  /** The request body, written straight from the records (no tree of the whole request). */
  private static byte[] body(Map<String, List<Integer>> positions, Prepared[] objects) throws IOException {
    ByteArrayBuilder bytes = new ByteArrayBuilder(8_192);
    try (JsonGenerator json = MAPPER.createGenerator(bytes)) {
      json.writeStartObject();
      for (Map.Entry<String, List<Integer>> array : positions.entrySet()) {
        json.writeArrayFieldStart(array.getKey());
        for (int i : array.getValue()) {
          objects[i].write(json);
        }
        json.writeEndArray();
      }
      json.writeEndObject();
    }
    return bytes.toByteArray();
  }

  private void send(byte[] body, List<Integer> sent, Map<String, List<Integer>> positions,
      boolean[] resendable, RecordOutcome[] outcomes) throws Exception {
    boolean idempotent = sent.stream().allMatch(i -> resendable[i]);
    BrazeHttp.Answer answer;
    try {
      answer = idempotent ? http.post(BrazeHttp.Endpoint.TRACK, "users/track", body)
          : http.postOnce(BrazeHttp.Endpoint.TRACK, "users/track", body);
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

  /** One record's Braze object, checked and ready to be written into a request. */
  private sealed interface Prepared {
    void write(JsonGenerator json) throws IOException;

    /** Whether a value is an array or increment operation (not idempotent). */
    boolean hasOperation();
  }

  /** An object built as a tree: a record merging custom_attributes or naming fields the object defines. */
  private record Tree(ObjectNode object) implements Prepared {
    @Override
    public void write(JsonGenerator json) throws IOException {
      MAPPER.writeTree(json, object);
    }

    @Override
    public boolean hasOperation() {
      for (JsonNode value : object) {
        if (isOperation(value)) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * A record checked for Braze: a {@link Direct} object written field by field from the record, or, when the
   * record merges a custom_attributes object or names fields the object itself defines, a {@link Tree}.
   */
  private static Prepared prepare(StreamPlan plan, OutboundRecord record) {
    ObjectNode payload = record.payload();
    String key = UserIdentity.choose(payload, plan.matchingKey()).orElseThrow(() -> new IllegalArgumentException(
        "The record names no user: give one of " + String.join(", ", UserIdentity.PRECEDENCE)));
    boolean attributes = plan.object().name().equals(BrazeCatalog.USERS);
    boolean direct = !(attributes && payload.has(BrazeCatalog.CUSTOM_ATTRIBUTES)) && !payload.has(USER_ALIAS)
        && !payload.has(UPDATE_EXISTING_ONLY) && (!attributes || record.nullFields().stream().noneMatch(payload::has));
    if (!direct) {
      return new Tree(toObject(plan, record, key, attributes));
    }
    Optional<String> error = UserIdentity.check(payload, key);
    if (error.isPresent()) {
      throw new IllegalArgumentException(error.get());
    }
    JsonNode properties = payload.get("properties");
    if (!attributes && properties != null && !properties.isObject()) {
      throw new IllegalArgumentException(PROPERTIES_NOT_OBJECT);
    }
    return new Direct(payload, key, attributes, attributes ? record.nullFields() : Set.of(),
        plan.operation() == Operation.UPDATE);
  }

  /** A Braze object written straight from the record's payload, as {@link #toObject} would build it. */
  private record Direct(ObjectNode payload, String key, boolean attributes, Set<String> nullFields,
      boolean updateOnly) implements Prepared {

    @Override
    public void write(JsonGenerator json) throws IOException {
      json.writeStartObject();
      if (key.equals(BrazeCatalog.ALIAS_NAME)) {
        json.writeObjectFieldStart(USER_ALIAS);
        json.writeStringField("alias_name", payload.get(key).asText());
        json.writeStringField("alias_label", payload.get(BrazeCatalog.ALIAS_LABEL).asText());
        json.writeEndObject();
      } else {
        json.writeFieldName(key);
        value(json, payload.get(key));
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = payload.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (!UserIdentity.skipped(field.getKey(), key, attributes)) {
          json.writeFieldName(field.getKey());
          value(json, field.getValue());
        }
      }
      if (attributes) {
        for (String cleared : nullFields) {
          json.writeNullField(cleared);
        }
        json.writeBooleanField(UPDATE_EXISTING_ONLY, updateOnly);
      }
      json.writeEndObject();
    }

    /** The values the object carries: the identifier and every field not skipped. */
    @Override
    public boolean hasOperation() {
      for (Iterator<Map.Entry<String, JsonNode>> it = payload.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if ((field.getKey().equals(key) || !UserIdentity.skipped(field.getKey(), key, attributes))
            && isOperation(field.getValue())) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * Writes a value: scalars directly (the common case; the mapper's writeTree sets up a serializer provider
   * on each call), containers, decimals and the rest through the mapper.
   */
  private static void value(JsonGenerator json, JsonNode value) throws IOException {
    if (value.isTextual()) {
      json.writeString(value.textValue());
    } else if (value.isInt()) {
      json.writeNumber(value.intValue());
    } else if (value.isLong()) {
      json.writeNumber(value.longValue());
    } else if (value.isBoolean()) {
      json.writeBoolean(value.booleanValue());
    } else if (value.isNull()) {
      json.writeNull();
    } else {
      json.writeTree(value);
    }
  }

  private static ObjectNode toObject(StreamPlan plan, OutboundRecord record, String key, boolean attributes) {
    ObjectNode payload = record.payload();
    ObjectNode object = MAPPER.createObjectNode();
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
        throw new IllegalArgumentException(PROPERTIES_NOT_OBJECT);
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
      object.put(UPDATE_EXISTING_ONLY, plan.operation() == Operation.UPDATE);
    }
    return object;
  }

  private static boolean isOperation(JsonNode value) {
    if (value.isObject()) {
      for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
        if (OPERATIONS.contains(names.next())) {
          return true;
        }
      }
    }
    return false;
  }
}
