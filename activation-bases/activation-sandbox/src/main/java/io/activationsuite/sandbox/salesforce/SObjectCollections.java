package io.activationsuite.sandbox.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * sObject Collections (create, update, upsert, delete of up to 200 records per call) with Salesforce's
 * semantics: per-record SaveResults in input order, {@code allOrNone} rollback, request-level 400s for
 * malformed bodies, over-limit batches and values that do not deserialise as the field type.
 */
public final class SObjectCollections {
  /** Most records per call. */
  public static final int MAX_RECORDS = 200;

  private final SchemaCatalog schema;
  private final RecordStore store;
  private final SalesforceFaults faults;

  public SObjectCollections(SchemaCatalog schema, RecordStore store, SalesforceFaults faults) {
    this.schema = schema;
    this.store = store;
    this.faults = faults;
  }

  /** The operations, each writing one prepared record. */
  private enum Kind { CREATE, UPDATE, UPSERT }

  /** A record ready to write, or the error that stops it before the write. */
  private record Prepared(ObjectDescriptor object, String id, Map<FieldDescriptor, Object> values,
      SaveError error) {
  }

  /** {@code POST /composite/sobjects}. */
  public List<SaveResult> create(JsonNode body) {
    return write(body, Kind.CREATE, null, null);
  }

  /** {@code PATCH /composite/sobjects}. */
  public List<SaveResult> update(JsonNode body) {
    return write(body, Kind.UPDATE, null, null);
  }

  /** {@code PATCH /composite/sobjects/{object}/{externalIdField}}. */
  public List<SaveResult> upsert(String objectName, String keyFieldName, JsonNode body) {
    ObjectDescriptor object = schema.find(objectName).orElseThrow(() -> SalesforceApiException.badRequest(
        "NOT_FOUND", "The requested resource does not exist"));
    FieldDescriptor key = object.field(keyFieldName).filter(f -> f.externalId() || f.type() == FieldType.ID)
        .orElseThrow(() -> SalesforceApiException.badRequest("INVALID_FIELD", "Field name provided, "
            + keyFieldName + " is not an External ID or indexed field for " + object.name()));
    return write(body, Kind.UPSERT, object, key);
  }

  /** {@code DELETE /composite/sobjects?ids=...&allOrNone=...}. */
  public List<SaveResult> delete(List<String> ids, boolean allOrNone) {
    if (ids.isEmpty()) {
      throw SalesforceApiException.badRequest("MISSING_ARGUMENT", "ids parameter is required");
    }
    if (ids.size() > MAX_RECORDS) {
      throw tooMany();
    }
    return store.atomically(tx -> {
      List<SaveResult> results = new ArrayList<>();
      for (String id : ids) {
        results.add(faults.takeRecordLock() ? SaveResult.failed(id, SalesforceFaults.lockError(id)) : tx.delete(id));
      }
      return finish(tx, results, allOrNone);
    });
  }

  private List<SaveResult> write(JsonNode body, Kind kind, ObjectDescriptor upsertObject, FieldDescriptor key) {
    if (body == null || !body.isObject() || !body.path("records").isArray()) {
      throw SalesforceApiException.badRequest("JSON_PARSER_ERROR",
          "The request body must be an object with a records array");
    }
    JsonNode records = body.get("records");
    if (records.size() > MAX_RECORDS) {
      throw tooMany();
    }
    boolean allOrNone = body.path("allOrNone").asBoolean(false);
    List<Prepared> prepared = new ArrayList<>();
    for (JsonNode record : records) {
      prepared.add(prepare(record, kind, upsertObject));
    }
    Set<String> duplicates = kind == Kind.UPSERT && key.type() != FieldType.ID
        ? DuplicateKeys.find(prepared.stream().map(p -> p.values() == null ? null : p.values().get(key)).toList())
        : Set.of();
    return store.atomically(tx -> {
      List<SaveResult> results = new ArrayList<>();
      for (Prepared p : prepared) {
        results.add(writeOne(tx, p, kind, key, duplicates));
      }
      return finish(tx, results, allOrNone);
    });
  }

  private SaveResult writeOne(RecordStore.Transaction tx, Prepared p, Kind kind, FieldDescriptor key,
      Set<String> duplicates) {
    if (p.error() != null) {
      return SaveResult.failed(p.id(), p.error());
    }
    if (faults.takeRecordLock()) {
      return SaveResult.failed(p.id(), SalesforceFaults.lockError(p.id()));
    }
    return switch (kind) {
      case CREATE -> tx.insert(p.object(), p.values());
      case UPDATE -> tx.update(p.object(), p.id(), p.values());
      case UPSERT -> {
        Object keyValue = p.values().get(key);
        if (keyValue != null && duplicates.contains(DuplicateKeys.normalize(keyValue))) {
          yield SaveResult.failed(null, DuplicateKeys.error(keyValue));
        }
        yield tx.upsert(p.object(), key, p.values());
      }
    };
  }

  private static List<SaveResult> finish(RecordStore.Transaction tx, List<SaveResult> results, boolean allOrNone) {
    if (!allOrNone || results.stream().allMatch(SaveResult::success)) {
      return results;
    }
    tx.rollback();
    SaveError rolledBack = SaveError.of(StatusCode.ALL_OR_NONE_OPERATION_ROLLED_BACK,
        "Record rolled back because not all records were valid and the request was using AllOrNone header");
    return results.stream().map(r -> r.success() ? SaveResult.failed(null, rolledBack) : r).toList();
  }

  private Prepared prepare(JsonNode record, Kind kind, ObjectDescriptor upsertObject) {
    String type = record.path("attributes").path("type").asText(null);
    ObjectDescriptor object;
    if (upsertObject != null) {
      object = upsertObject;
      if (type != null && !type.equalsIgnoreCase(upsertObject.name())) {
        return failure(null, StatusCode.INVALID_TYPE, "Record type " + type + " does not match " + object.name());
      }
    } else {
      if (type == null) {
        return failure(null, StatusCode.INVALID_TYPE, "Must specify a type in the attributes of each record");
      }
      Optional<ObjectDescriptor> found = schema.find(type);
      if (found.isEmpty()) {
        return failure(null, StatusCode.INVALID_TYPE, "sObject type '" + type + "' is not supported.");
      }
      object = found.get();
    }
    String id = textOf(record, "Id");
    if (kind == Kind.CREATE && id != null) {
      return failure(null, StatusCode.INVALID_FIELD, "cannot specify Id in an insert call");
    }
    if (kind == Kind.UPDATE && id == null) {
      return failure(null, StatusCode.MISSING_ARGUMENT, "Id not specified in an update call");
    }
    boolean allowed = switch (kind) {
      case CREATE -> object.createable();
      case UPDATE -> object.updateable();
      case UPSERT -> object.createable() && object.updateable();
    };
    if (!allowed) {
      return failure(id, StatusCode.INVALID_TYPE, "entity type cannot be "
          + (kind == Kind.CREATE ? "inserted" : "updated") + ": " + object.label());
    }
    Map<FieldDescriptor, Object> values = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = record.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> entry = fields.next();
      String name = entry.getKey();
      if (name.equals("attributes") || (name.equalsIgnoreCase("Id") && kind != Kind.UPSERT)) {
        continue;
      }
      Optional<FieldDescriptor> field = object.field(name);
      if (field.isEmpty()) {
        return failure(id, StatusCode.INVALID_FIELD, "No such column '" + name + "' on sobject of type "
            + object.name());
      }
      values.put(field.get(), convert(field.get(), entry.getValue()));
    }
    return new Prepared(object, id, values, null);
  }

  private static Object convert(FieldDescriptor field, JsonNode node) {
    if (node.isContainerNode()) {
      throw jsonError(field, node.getNodeType().name(), node.toString());
    }
    Object raw = node.isNull() ? null : node.isBoolean() ? (Object) node.booleanValue()
        : node.isNumber() ? (Object) new BigDecimal(node.asText()) : node.asText();
    if (raw instanceof Boolean && !(field.type() == FieldType.BOOLEAN || field.type().isText())) {
      throw jsonError(field, "VALUE_" + raw.toString().toUpperCase(Locale.ROOT), raw.toString());
    }
    try {
      return FieldValues.convert(field, raw);
    } catch (FieldConversionException e) {
      throw jsonError(field, node.isNumber() ? "VALUE_NUMBER" : "VALUE_STRING", e.value());
    }
  }

  private static SalesforceApiException jsonError(FieldDescriptor field, String token, String value) {
    String target = switch (field.type()) {
      case INT -> "int";
      case DOUBLE, CURRENCY, PERCENT -> "double";
      case BOOLEAN -> "boolean";
      case DATE -> "date";
      case DATETIME -> "datetime";
      default -> "string";
    };
    return SalesforceApiException.badRequest("JSON_PARSER_ERROR", "Cannot deserialize instance of " + target
        + " from " + token + " value " + value + " or request may be missing a required field (field "
        + field.name() + ")");
  }

  private static String textOf(JsonNode record, String fieldName) {
    Iterator<Map.Entry<String, JsonNode>> it = record.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().equalsIgnoreCase(fieldName) && !e.getValue().isNull() && !e.getValue().asText().isEmpty()) {
        return e.getValue().asText();
      }
    }
    return null;
  }

  private static Prepared failure(String id, StatusCode code, String message) {
    return new Prepared(null, id, null, SaveError.of(code, message));
  }

  private static SalesforceApiException tooMany() {
    return SalesforceApiException.badRequest(StatusCode.EXCEEDED_ID_LIMIT.name(),
        "record limit reached. cannot submit more than " + MAX_RECORDS + " records into this call");
  }
}
