package io.activationsuite.sandbox.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sandbox.Json;
import io.activationsuite.sandbox.SandboxRequest;
import io.activationsuite.sandbox.SandboxResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The CRM v3 batch endpoints ({@code /crm/v3/objects/{objectType}/batch/create|update|upsert|archive|read})
 * with HubSpot's rules: at most 100 inputs, duplicate ids refused, per-input property validation,
 * unique-value conflicts, 201 (create) / 200 / 207 Multi-Status / 400 / 409 answers. Each batch runs under the store
 * lock, so concurrent batches never interleave.
 */
final class BatchObjectsApi {

  /** HubSpot's maximum inputs per batch call. */
  static final int MAX_INPUTS = 100;

  private final RecordStore store;
  private final HubSpotErrors errors;
  private final Clock clock;

  BatchObjectsApi(RecordStore store, HubSpotErrors errors, Clock clock) {
    this.store = store;
    this.errors = errors;
    this.clock = clock;
  }

  /** A refused input of a partially successful batch. */
  private record Failure(int status, String category, String message, Map<String, List<String>> context,
      ArrayNode details) {
  }

  SandboxResponse create(ObjectTypeDefinition type, SandboxRequest request) {
    Instant started = clock.instant();
    List<JsonNode> inputs;
    try {
      inputs = inputs(request);
    } catch (BadRequest e) {
      return errors.validation(e.getMessage());
    }
    boolean partial = inputs.stream().anyMatch(i -> i.hasNonNull("objectWriteTraceId"));
    synchronized (store.lock()) {
      List<Map<String, String>> accepted = new ArrayList<>();
      List<Optional<Failure>> outcomes = new ArrayList<>();
      Map<String, String> claimed = new LinkedHashMap<>();
      for (JsonNode input : inputs) {
        String trace = text(input, "objectWriteTraceId");
        PropertyValues.Result result = PropertyValues.validate(type, input.get("properties"));
        Map<String, String> context = trace == null ? Map.of() : Map.of("objectWriteTraceId", trace);
        Optional<Failure> failure = result.valid()
            ? conflict(type, result.values(), null, claimed, context)
            : Optional.of(invalid(result.errors(), context));
        if (failure.isEmpty()) {
          claim(type, result.values(), claimed);
        }
        outcomes.add(failure);
        accepted.add(result.values());
      }
      if (!partial) {
        Optional<Failure> first = outcomes.stream().flatMap(Optional::stream).findFirst();
        if (first.isPresent()) {
          Failure f = first.get();
          return errors.response(f.status(), f.category(), f.message(), null);
        }
      }
      Instant now = clock.instant();
      ArrayNode results = Json.array();
      List<Failure> failures = new ArrayList<>();
      for (int i = 0; i < inputs.size(); i++) {
        if (outcomes.get(i).isPresent()) {
          failures.add(outcomes.get(i).get());
          continue;
        }
        HubSpotRecord record = store.create(type, accepted.get(i), now);
        results.add(record.toJson(null, text(inputs.get(i), "objectWriteTraceId")));
      }
      return batchResponse(results, failures, started, 201);
    }
  }

  SandboxResponse update(ObjectTypeDefinition type, SandboxRequest request) {
    Instant started = clock.instant();
    List<JsonNode> inputs;
    try {
      inputs = inputs(request);
      requireIds(inputs);
      for (JsonNode input : inputs) {
        String idProperty = text(input, "idProperty");
        if (idProperty != null) {
          requireUnique(type, idProperty);
        }
      }
      refuseDuplicates(type, inputs);
    } catch (BadRequest e) {
      return errors.validation(e.getMessage());
    } catch (DuplicateIds e) {
      return e.response;
    }
    synchronized (store.lock()) {
      Instant now = clock.instant();
      ArrayNode results = Json.array();
      List<Failure> failures = new ArrayList<>();
      List<String> notFound = new ArrayList<>();
      for (JsonNode input : inputs) {
        String id = text(input, "id");
        String idProperty = text(input, "idProperty");
        String trace = text(input, "objectWriteTraceId");
        Optional<HubSpotRecord> record = idProperty == null
            ? store.find(type, id, false)
            : store.findByUnique(type, idProperty, uniqueKey(type, idProperty, id));
        if (record.isEmpty()) {
          notFound.add(id);
          continue;
        }
        Map<String, String> context = new LinkedHashMap<>();
        context.put("ids", id);
        if (trace != null) {
          context.put("objectWriteTraceId", trace);
        }
        PropertyValues.Result result = PropertyValues.validate(type, input.get("properties"));
        Optional<Failure> failure = result.valid()
            ? conflict(type, result.values(), record.get().id, Map.of(), context)
            : Optional.of(invalid(result.errors(), context));
        if (failure.isPresent()) {
          failures.add(failure.get());
          continue;
        }
        store.apply(type, record.get(), result.values(), now);
        results.add(record.get().toJson(null, trace));
      }
      if (!notFound.isEmpty()) {
        failures.add(notFound(type, notFound));
      }
      return batchResponse(results, failures, started, 200);
    }
  }

  SandboxResponse upsert(ObjectTypeDefinition type, SandboxRequest request) {
    Instant started = clock.instant();
    List<JsonNode> inputs;
    try {
      inputs = inputs(request);
      requireIds(inputs);
      for (JsonNode input : inputs) {
        String idProperty = text(input, "idProperty");
        if (idProperty == null) {
          throw new BadRequest("idProperty is required for batch upsert; use a property with hasUniqueValue=true");
        }
        requireUnique(type, idProperty);
      }
      refuseDuplicates(type, inputs);
    } catch (BadRequest e) {
      return errors.validation(e.getMessage());
    } catch (DuplicateIds e) {
      return e.response;
    }
    synchronized (store.lock()) {
      Instant now = clock.instant();
      ArrayNode results = Json.array();
      List<Failure> failures = new ArrayList<>();
      for (JsonNode input : inputs) {
        String id = text(input, "id");
        String idProperty = text(input, "idProperty");
        String trace = text(input, "objectWriteTraceId");
        Map<String, String> context = new LinkedHashMap<>();
        context.put("ids", id);
        if (trace != null) {
          context.put("objectWriteTraceId", trace);
        }
        ObjectNode properties = input.path("properties").isObject()
            ? ((ObjectNode) input.get("properties")).deepCopy() : Json.object();
        if (!properties.has(idProperty)) {
          properties.put(idProperty, id);
        }
        PropertyValues.Result result = PropertyValues.validate(type, properties);
        if (!result.valid()) {
          failures.add(invalid(result.errors(), context));
          continue;
        }
        Optional<HubSpotRecord> existing = store.findByUnique(type, idProperty, uniqueKey(type, idProperty, id));
        Optional<Failure> conflict = conflict(type, result.values(), existing.map(r -> r.id).orElse(null),
            Map.of(), context);
        if (conflict.isPresent()) {
          failures.add(conflict.get());
          continue;
        }
        HubSpotRecord record;
        if (existing.isPresent()) {
          record = existing.get();
          store.apply(type, record, result.values(), now);
        } else {
          record = store.create(type, result.values(), now);
        }
        ObjectNode row = record.toJson(null, trace);
        row.put("new", existing.isEmpty());
        results.add(row);
      }
      return batchResponse(results, failures, started, 200);
    }
  }

  SandboxResponse archive(ObjectTypeDefinition type, SandboxRequest request) {
    List<JsonNode> inputs;
    try {
      inputs = inputs(request);
      requireIds(inputs);
    } catch (BadRequest e) {
      return errors.validation(e.getMessage());
    }
    synchronized (store.lock()) {
      Instant now = clock.instant();
      for (JsonNode input : inputs) {
        store.find(type, text(input, "id"), false).ifPresent(r -> store.archive(type, r, now));
      }
    }
    return SandboxResponse.empty(204);
  }

  SandboxResponse read(ObjectTypeDefinition type, SandboxRequest request) {
    Instant started = clock.instant();
    boolean archived = request.queryParam("archived").map(Boolean::parseBoolean).orElse(false);
    List<JsonNode> inputs;
    String idProperty;
    Set<String> wanted = new LinkedHashSet<>(List.of("hs_object_id", type.createdProperty(), type.modifiedProperty()));
    try {
      inputs = inputs(request);
      requireIds(inputs);
      JsonNode body = request.bodyJson();
      idProperty = text(body, "idProperty");
      if (idProperty != null) {
        requireUnique(type, idProperty);
      }
      body.path("properties").forEach(p -> wanted.add(p.asText()));
      if (body.path("propertiesWithHistory").size() > 0 && inputs.size() > 50) {
        throw new BadRequest("Batch read with propertiesWithHistory is limited to 50 inputs, got " + inputs.size());
      }
    } catch (BadRequest e) {
      return errors.validation(e.getMessage());
    }
    synchronized (store.lock()) {
      ArrayNode results = Json.array();
      List<String> notFound = new ArrayList<>();
      for (JsonNode input : inputs) {
        String id = text(input, "id");
        Optional<HubSpotRecord> record = idProperty == null
            ? store.find(type, id, archived)
            : store.findByUnique(type, idProperty, uniqueKey(type, idProperty, id)).filter(r -> !archived);
        if (record.isPresent()) {
          results.add(record.get().toJson(wanted, null));
        } else {
          notFound.add(id);
        }
      }
      List<Failure> failures = notFound.isEmpty() ? List.of() : List.of(notFound(type, notFound));
      return batchResponse(results, failures, started, 200);
    }
  }

  /** HubSpot's answer to a batch: {@code successStatus} (201 for create, 200 otherwise) or 207 Multi-Status. */
  private SandboxResponse batchResponse(ArrayNode results, List<Failure> failures, Instant started,
      int successStatus) {
    ObjectNode body = Json.object();
    body.put("status", "COMPLETE");
    body.set("results", results);
    if (!failures.isEmpty()) {
      body.put("numErrors", failures.size());
      ArrayNode list = body.putArray("errors");
      for (Failure f : failures) {
        ObjectNode e = list.addObject();
        e.put("status", "error").put("category", f.category()).put("message", f.message());
        ObjectNode ctx = e.putObject("context");
        f.context().forEach((k, v) -> ctx.set(k, Json.strings(v)));
        e.set("errors", f.details() == null ? Json.array() : f.details());
        e.putObject("links");
      }
    }
    body.put("startedAt", PropertyValues.formatInstant(started))
        .put("completedAt", PropertyValues.formatInstant(clock.instant()));
    return SandboxResponse.json(failures.isEmpty() ? successStatus : 207, body);
  }

  private Failure invalid(List<PropertyError> propertyErrors, Map<String, String> context) {
    return new Failure(400, "VALIDATION_ERROR", HubSpotErrors.propertyMessage(propertyErrors), wrap(context),
        HubSpotErrors.propertyDetails(propertyErrors));
  }

  private Optional<Failure> conflict(ObjectTypeDefinition type, Map<String, String> values, String selfId,
      Map<String, String> claimedInBatch, Map<String, String> context) {
    Optional<RecordStore.Conflict> existing = store.conflict(type, values, selfId);
    if (existing.isPresent()) {
      RecordStore.Conflict c = existing.get();
      return Optional.of(new Failure(409, "CONFLICT", type.singular() + " already exists. Existing ID: "
          + c.existingId(), wrap(context), null));
    }
    for (String property : type.uniqueProperties()) {
      String value = values.get(property);
      if (value != null && claimedInBatch.containsKey(property + "\u0000" + value)) {
        return Optional.of(new Failure(409, "CONFLICT", "Duplicate value " + value + " for unique property "
            + property + " in batch input", wrap(context), null));
      }
    }
    return Optional.empty();
  }

  private static void claim(ObjectTypeDefinition type, Map<String, String> values, Map<String, String> claimed) {
    for (String property : type.uniqueProperties()) {
      String value = values.get(property);
      if (value != null) {
        claimed.put(property + "\u0000" + value, value);
      }
    }
  }

  private static Failure notFound(ObjectTypeDefinition type, List<String> ids) {
    String name = type.custom() ? type.fullyQualifiedName().toUpperCase(Locale.ROOT)
        : type.singular().toUpperCase(Locale.ROOT);
    return new Failure(404, "OBJECT_NOT_FOUND", "Could not get some " + name
        + " objects, they may be deleted or not exist. Check that ids are valid.", Map.of("ids", List.copyOf(ids)),
        null);
  }

  private static Map<String, List<String>> wrap(Map<String, String> context) {
    Map<String, List<String>> wrapped = new LinkedHashMap<>();
    context.forEach((k, v) -> wrapped.put(k, List.of(v)));
    return wrapped;
  }

  private static List<JsonNode> inputs(SandboxRequest request) throws BadRequest {
    JsonNode body;
    try {
      body = request.bodyJson();
    } catch (Json.MalformedJsonException e) {
      throw new BadRequest("Invalid input JSON: " + e.getMessage());
    }
    JsonNode inputs = body.get("inputs");
    if (inputs == null || !inputs.isArray()) {
      throw new BadRequest("Invalid input JSON: the request body must be an object with an \"inputs\" array");
    }
    if (inputs.size() > MAX_INPUTS) {
      throw new BadRequest("Batch input size " + inputs.size() + " exceeds the limit of " + MAX_INPUTS
          + " inputs per request");
    }
    List<JsonNode> list = new ArrayList<>();
    for (JsonNode input : inputs) {
      if (!input.isObject()) {
        throw new BadRequest("Invalid input JSON: every input must be an object");
      }
      JsonNode props = input.get("properties");
      if (props != null && !props.isNull() && !props.isObject()) {
        throw new BadRequest("Invalid input JSON: \"properties\" must be an object of string values");
      }
      list.add(input);
    }
    return list;
  }

  private static void requireIds(List<JsonNode> inputs) throws BadRequest {
    for (JsonNode input : inputs) {
      JsonNode id = input.get("id");
      if (id == null || !id.isValueNode() || id.isNull() || id.asText().isBlank()) {
        throw new BadRequest("Invalid input JSON: every input needs a non-empty \"id\"");
      }
    }
  }

  private static void requireUnique(ObjectTypeDefinition type, String idProperty) throws BadRequest {
    Optional<PropertyDefinition> property = type.property(idProperty);
    if (property.isEmpty()) {
      throw new BadRequest("Property \"" + idProperty + "\" does not exist");
    }
    if (!property.get().hasUniqueValue()) {
      throw new BadRequest("Property \"" + idProperty + "\" is not a unique property and cannot be used as "
          + "idProperty; use one with hasUniqueValue=true");
    }
  }

  private void refuseDuplicates(ObjectTypeDefinition type, List<JsonNode> inputs)
      throws DuplicateIds {
    Set<String> seen = new LinkedHashSet<>();
    Set<String> duplicates = new LinkedHashSet<>();
    for (JsonNode input : inputs) {
      String idProperty = text(input, "idProperty");
      String id = text(input, "id");
      String key = idProperty == null ? id : uniqueKey(type, idProperty, id);
      if (!seen.add((idProperty == null ? "" : idProperty) + "\u0000" + key)) {
        duplicates.add(id);
      }
    }
    if (!duplicates.isEmpty()) {
      throw new DuplicateIds(errors.response(400, "VALIDATION_ERROR", "Duplicate IDs found in batch input: "
          + duplicates + ". IDs must be unique", Map.of("ids", List.copyOf(duplicates))));
    }
  }

  private static String uniqueKey(ObjectTypeDefinition type, String idProperty, String id) {
    return type.property(idProperty).map(PropertyDefinition::email).orElse(false)
        ? id.trim().toLowerCase(Locale.ROOT) : id;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static final class BadRequest extends Exception {
    private static final long serialVersionUID = 1L;

    BadRequest(String message) {
      super(message, null, false, false);
    }
  }

  private static final class DuplicateIds extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient SandboxResponse response;

    DuplicateIds(SandboxResponse response) {
      super("duplicate ids", null, false, false);
      this.response = response;
    }
  }
}
