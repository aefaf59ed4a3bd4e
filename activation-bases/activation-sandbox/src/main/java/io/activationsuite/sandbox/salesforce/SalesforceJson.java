package io.activationsuite.sandbox.salesforce;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sandbox.Json;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Renders the emulator's domain values in the JSON shapes Salesforce returns: describeGlobal, describe,
 * SaveResults, Bulk job info, limits, the version list and REST error arrays.
 */
public final class SalesforceJson {
  /** Oldest API version served (sObject Collections need 42.0). */
  public static final int MIN_VERSION = 42;
  /** Newest API version served (Summer '26). */
  public static final int MAX_VERSION = 67;

  private SalesforceJson() {
  }

  /** {@code [{"message": ..., "errorCode": ...}]}. */
  public static ArrayNode errors(String errorCode, String message) {
    ArrayNode array = Json.array();
    array.addObject().put("message", message).put("errorCode", errorCode);
    return array;
  }

  /** {@code GET /services/data}: every served version with its release label and URL. */
  public static ArrayNode versions() {
    ArrayNode array = Json.array();
    String[] seasons = {"Winter", "Spring", "Summer"};
    for (int v = MIN_VERSION; v <= MAX_VERSION; v++) {
      int k = v - 65;
      int year = 26 + Math.floorDiv(k, 3);
      array.addObject().put("label", seasons[Math.floorMod(k, 3)] + " '" + year)
          .put("url", "/services/data/v" + v + ".0").put("version", v + ".0");
    }
    return array;
  }

  /** The resources directory of one version. */
  public static ObjectNode resources(String version) {
    String base = "/services/data/v" + version;
    ObjectNode node = Json.object();
    for (String r : List.of("sobjects", "limits", "composite", "jobs", "query")) {
      node.put(r, base + "/" + r);
    }
    return node;
  }

  /** describeGlobal. */
  public static ObjectNode describeGlobal(SchemaCatalog schema, String version) {
    ObjectNode root = Json.object().put("encoding", "UTF-8").put("maxBatchSize", 200);
    ArrayNode list = root.putArray("sobjects");
    schema.all().forEach(o -> list.add(objectSummary(o, version)));
    return root;
  }

  /** One describeGlobal entry (also the {@code objectDescribe} of the sObject basic-info resource). */
  public static ObjectNode objectSummary(ObjectDescriptor o, String version) {
    String base = "/services/data/v" + version + "/sobjects/" + o.name();
    ObjectNode node = Json.object().put("name", o.name()).put("label", o.label()).put("labelPlural", o.labelPlural())
        .put("keyPrefix", o.keyPrefix()).put("custom", o.custom()).put("customSetting", false)
        .put("createable", o.createable()).put("updateable", o.updateable()).put("deletable", o.deletable())
        .put("undeletable", o.deletable()).put("queryable", o.queryable()).put("retrieveable", true)
        .put("searchable", o.queryable()).put("layoutable", o.createable()).put("mergeable", false)
        .put("replicateable", true).put("triggerable", o.createable()).put("activateable", false)
        .put("feedEnabled", false).put("deprecatedAndHidden", false);
    node.putObject("urls").put("sobject", base).put("describe", base + "/describe")
        .put("rowTemplate", base + "/{ID}");
    return node;
  }

  /** describe of one object. */
  public static ObjectNode describe(ObjectDescriptor o, String version) {
    ObjectNode node = objectSummary(o, version);
    ArrayNode fields = node.putArray("fields");
    o.fields().forEach(f -> fields.add(field(f)));
    node.putArray("childRelationships");
    node.putArray("recordTypeInfos");
    return node;
  }

  private static ObjectNode field(FieldDescriptor f) {
    ObjectNode node = Json.object().put("name", f.name()).put("label", f.label()).put("type", f.type().apiName())
        .put("soapType", f.type().soapType()).put("length", f.length())
        .put("byteLength", f.type().isText() || f.type() == FieldType.ID || f.type() == FieldType.REFERENCE
            ? f.length() * 3 : 0)
        .put("precision", precision(f.type())).put("scale", scale(f.type()))
        .put("digits", f.type() == FieldType.INT ? 9 : 0)
        .put("createable", f.createable()).put("updateable", f.updateable()).put("nillable", f.nillable())
        .put("defaultedOnCreate", f.defaultedOnCreate()).put("externalId", f.externalId())
        .put("idLookup", f.idLookup()).put("unique", f.unique()).put("caseSensitive", false)
        .put("custom", f.name().endsWith("__c")).put("calculated", false).put("autoNumber", false)
        .put("filterable", f.type() != FieldType.TEXTAREA).put("sortable", f.type() != FieldType.TEXTAREA)
        .put("restrictedPicklist", f.restrictedPicklist());
    ArrayNode picklist = node.putArray("picklistValues");
    f.picklistValues().forEach(p -> picklist.addObject().put("active", p.active()).put("defaultValue", false)
        .put("label", p.label()).put("value", p.value()).putNull("validFor"));
    ArrayNode refs = node.putArray("referenceTo");
    f.referenceTo().forEach(refs::add);
    if (f.type() == FieldType.REFERENCE) {
      node.put("relationshipName", relationshipName(f.name()));
    } else {
      node.putNull("relationshipName");
    }
    return node;
  }

  private static String relationshipName(String fieldName) {
    if (fieldName.endsWith("__c")) {
      return fieldName.substring(0, fieldName.length() - 3) + "__r";
    }
    return fieldName.endsWith("Id") ? fieldName.substring(0, fieldName.length() - 2) : fieldName;
  }

  private static int precision(FieldType type) {
    return switch (type) {
      case DOUBLE, CURRENCY -> 18;
      case PERCENT -> 5;
      default -> 0;
    };
  }

  private static int scale(FieldType type) {
    return switch (type) {
      case DOUBLE, CURRENCY, PERCENT -> 2;
      default -> 0;
    };
  }

  /** A list of SaveResults; {@code upsert} adds {@code created}. */
  public static ArrayNode saveResults(List<SaveResult> results, boolean upsert) {
    ArrayNode array = Json.array();
    for (SaveResult r : results) {
      ObjectNode node = array.addObject();
      if (r.id() != null) {
        node.put("id", r.id());
      }
      node.put("success", r.success());
      if (upsert) {
        node.put("created", Boolean.TRUE.equals(r.created()));
      }
      ArrayNode errors = node.putArray("errors");
      r.errors().forEach(e -> {
        ObjectNode err = errors.addObject().put("statusCode", e.statusCode().name()).put("message", e.message());
        ArrayNode fields = err.putArray("fields");
        e.fields().forEach(fields::add);
      });
    }
    return array;
  }

  /** Job info; {@code full} adds the processing statistics GET returns. */
  public static ObjectNode job(BulkJobInfo j, boolean full) {
    ObjectNode node = Json.object().put("id", j.id()).put("operation", j.operation().apiName())
        .put("object", j.object()).put("createdById", j.createdById()).put("createdDate", j.createdDate())
        .put("systemModstamp", j.systemModstamp()).put("state", j.state().name());
    if (j.externalIdFieldName() != null) {
      node.put("externalIdFieldName", j.externalIdFieldName());
    }
    node.put("concurrencyMode", "Parallel").put("contentType", "CSV")
        .put("apiVersion", new BigDecimal(j.apiVersion()));
    if (j.state() == BulkJobState.Open) {
      node.put("contentUrl", j.contentUrl());
    }
    node.put("lineEnding", j.dialect().lineEnding()).put("columnDelimiter", j.dialect().delimiter());
    if (full) {
      node.put("jobType", "V2Ingest").put("numberRecordsProcessed", j.numberRecordsProcessed())
          .put("numberRecordsFailed", j.numberRecordsFailed()).put("retries", j.retries())
          .put("totalProcessingTime", j.totalProcessingTime())
          .put("apiActiveProcessingTime", j.totalProcessingTime()).put("apexProcessingTime", 0);
      if (j.errorMessage() != null) {
        node.put("errorMessage", j.errorMessage());
      }
    }
    return node;
  }

  /** {@code GET jobs/ingest}. */
  public static ObjectNode jobList(List<BulkJobInfo> jobs) {
    ObjectNode root = Json.object().put("done", true);
    ArrayNode records = root.putArray("records");
    jobs.forEach(j -> records.add(job(j, false).put("jobType", "V2Ingest")));
    root.putNull("nextRecordsUrl");
    return root;
  }

  /** {@code GET limits}. */
  public static ObjectNode limits(ApiLimits limits) {
    ObjectNode root = Json.object();
    root.putObject("DailyApiRequests").put("Max", limits.maxRequests()).put("Remaining", limits.remainingRequests());
    root.putObject("DailyBulkApiBatches").put("Max", ApiLimits.DAILY_BULK_BATCHES)
        .put("Remaining", limits.remainingBulkBatches());
    root.putObject("DailyBulkV2QueryJobs").put("Max", 10_000).put("Remaining", 10_000);
    root.putObject("DailyBulkV2QueryFileStorageMB").put("Max", 976_562).put("Remaining", 976_562);
    root.putObject("DataStorageMB").put("Max", 5_120).put("Remaining", 5_120);
    return root;
  }

  /**
   * A record as {@code GET /sobjects/{type}/{id}} returns it: every field describe lists, in describe order,
   * null where unset, and the compound {@code Name} of person objects (first and last name) computed as
   * Salesforce does.
   */
  public static ObjectNode retrieved(ObjectDescriptor object, Map<String, Object> record, String version) {
    Map<String, Object> full = new LinkedHashMap<>();
    for (FieldDescriptor field : object.fields()) {
      full.put(field.name(), record.get(field.name()));
    }
    if (object.field("FirstName").isPresent() && object.field("LastName").isPresent()
        && object.field("Name").filter(f -> !f.createable()).isPresent()) {
      String name = Stream.of(record.get("FirstName"), record.get("LastName"))
          .filter(Objects::nonNull).map(Object::toString).filter(v -> !v.isBlank())
          .collect(Collectors.joining(" "));
      full.put("Name", name.isEmpty() ? null : name);
    }
    return record(object.name(), full, version);
  }

  /** A stored record as JSON with its {@code attributes}. */
  public static ObjectNode record(String objectName, Map<String, Object> record, String version) {
    ObjectNode node = Json.object();
    node.putObject("attributes").put("type", objectName)
        .put("url", "/services/data/v" + version + "/sobjects/" + objectName + "/" + record.get("Id"));
    record.forEach((k, v) -> {
      switch (v) {
        case null -> node.putNull(k);
        case Boolean b -> node.put(k, b);
        case Long l -> node.put(k, l);
        case BigDecimal d -> node.put(k, d);
        case LocalDate d -> node.put(k, d.toString());
        default -> node.put(k, v.toString());
      }
    });
    return node;
  }
}
