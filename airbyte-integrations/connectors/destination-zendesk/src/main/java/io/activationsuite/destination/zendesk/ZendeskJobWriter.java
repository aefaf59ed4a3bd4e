package io.activationsuite.destination.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.protocol.errors.ConfigErrorException;
import io.activationsuite.sink.api.BatchLimits;
import io.activationsuite.sink.api.BatchRejectedException;
import io.activationsuite.sink.api.DeliveryUncertainException;
import io.activationsuite.sink.api.JobLimits;
import io.activationsuite.sink.api.JobProgress;
import io.activationsuite.sink.api.JobWriter;
import io.activationsuite.sink.api.Operation;
import io.activationsuite.sink.api.OutboundRecord;
import io.activationsuite.sink.api.PlannedRequest;
import io.activationsuite.sink.api.RecordOutcome;
import io.activationsuite.sink.api.RejectionReason;
import io.activationsuite.sink.api.StreamPlan;
import io.activationsuite.sink.api.Submission;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes one stream plan through Zendesk's bulk endpoints, 100 records per job: submit answers a
 * {@code job_status} id, {@link #poll} asks {@code job_statuses/show_many} about up to 100 jobs, and
 * {@link #results} joins the job's per-item results (input order, {@code index}) back to the records, failed
 * items rejected with Zendesk's error and details. Organization upserts use the one-record
 * {@code create_or_update} endpoint and finish at submit. Creates are never resent when delivery is uncertain.
 */
public final class ZendeskJobWriter implements JobWriter<String> {

  /** Zendesk's maximum number of items per bulk request. */
  public static final int MAX_ITEMS = 100;

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String ORGANIZATION_UPSERT = "/api/v2/organizations/create_or_update";

  private final ZendeskHttp http;
  private final ZendeskObject object;
  private final Operation operation;
  private final String keyField;
  private final JobLimits jobLimits;
  private final Map<String, JsonNode> finished;

  /**
   * A writer for the plan's object and operation.
   *
   * @param finished the session's finished job statuses by id (filled by {@link #poll})
   */
  public ZendeskJobWriter(ZendeskHttp http, ZendeskObject object, StreamPlan plan, JobLimits jobLimits,
      Map<String, JsonNode> finished) {
    this.http = http;
    this.object = object;
    this.operation = plan.operation();
    this.keyField = plan.matchingKey();
    this.jobLimits = jobLimits;
    this.finished = finished;
  }

  @Override
  public BatchLimits limits() {
    return new BatchLimits(MAX_ITEMS, 4_000_000);
  }

  @Override
  public JobLimits jobLimits() {
    return jobLimits;
  }

  @Override
  public boolean prefersFullBatches() {
    return true;
  }

  @Override
  public Submission<String> submit(List<OutboundRecord> records) throws Exception {
    if (object.kind() == ZendeskObject.Kind.ORGANIZATIONS && operation == Operation.UPSERT) {
      return Submission.finished(upsertOrganizations(records));
    }
    ZendeskHttp.Answer answer;
    try {
      answer = ZendeskObject.creates(operation) ? http.create(method(), path(records), body(records))
          : http.call(method(), path(records), body(records));
    } catch (DeliveryUncertainException e) {
      return Submission.finished(records.stream().map(r -> e.outcome()).toList());
    }
    if (answer.status() == 200 && answer.body().path("job_status").hasNonNull("id")) {
      return Submission.started(answer.body().path("job_status").path("id").asText());
    }
    if (answer.status() == 401 || answer.status() == 403) {
      throw new ConfigErrorException("Zendesk refused to write " + object.name() + " (HTTP " + answer.status()
          + "): " + ZendeskErrors.describe(answer.body()) + ". Grant the " + object.kind().resource()
          + ":write (or write) scope" + (object.kind() == ZendeskObject.Kind.USERS
          ? "; bulk user import must be enabled by Zendesk support for users insert and upsert" : "") + ".");
    }
    throw new BatchRejectedException(answer.status(), RejectionReason.REFUSED_BY_API,
        ZendeskErrors.describe(answer.body()));
  }

  /** The calls {@link #submit} makes for {@code records}, built by the same code, for a preview. */
  @Override
  public List<PlannedRequest> plannedRequests(List<OutboundRecord> records) {
    if (object.kind() == ZendeskObject.Kind.ORGANIZATIONS && operation == Operation.UPSERT) {
      return records.stream().map(r -> ZendeskHttp.planned("POST", ORGANIZATION_UPSERT, organization(r))).toList();
    }
    return List.of(ZendeskHttp.planned(method(), path(records), body(records)));
  }

  @Override
  public List<JobProgress> poll(List<String> jobs) throws Exception {
    ZendeskHttp.Answer answer = http.call("GET", "/api/v2/job_statuses/show_many?ids=" + String.join(",", jobs),
        null);
    if (answer.status() != 200) {
      throw new java.io.IOException("Zendesk answered HTTP " + answer.status() + " to job_statuses/show_many: "
          + ZendeskErrors.describe(answer.body()));
    }
    Map<String, JsonNode> byId = new java.util.HashMap<>();
    answer.body().path("job_statuses").forEach(s -> byId.put(s.path("id").asText(), s));
    List<JobProgress> progress = new ArrayList<>(jobs.size());
    for (String id : jobs) {
      JsonNode status = byId.get(id);
      String state = status == null ? "expired" : status.path("status").asText();
      if (state.equals("queued") || state.equals("working")) {
        progress.add(JobProgress.RUNNING);
      } else {
        finished.put(id, status == null ? JSON.objectNode().put("status", "expired") : status);
        progress.add(JobProgress.FINISHED);
      }
    }
    return progress;
  }

  @Override
  public List<RecordOutcome> results(String job, List<OutboundRecord> records) {
    JsonNode status = finished.remove(job);
    JsonNode results = status == null ? null : status.path("results");
    if (status == null || !"completed".equals(status.path("status").asText()) || !results.isArray()) {
      String state = status == null ? "unknown" : status.path("status").asText();
      String why = "Zendesk job " + job + " ended " + state
          + (status != null && status.hasNonNull("message") ? " (" + status.path("message").asText() + ")" : "");
      return unfinished(records, why);
    }
    RecordOutcome[] outcomes = new RecordOutcome[records.size()];
    int position = 0;
    for (JsonNode result : results) {
      int index = result.path("index").asInt(position++);
      if (index >= 0 && index < outcomes.length && outcomes[index] == null) {
        outcomes[index] = "Failed".equals(result.path("status").asText()) || !result.path("success").asBoolean(true)
            ? ZendeskErrors.failedItem(result) : RecordOutcome.accepted(result.path("id").asText(null));
      }
    }
    List<RecordOutcome> list = new ArrayList<>(records.size());
    List<OutboundRecord> missing = new ArrayList<>();
    for (int i = 0; i < outcomes.length; i++) {
      if (outcomes[i] == null) {
        missing.add(records.get(i));
      }
    }
    List<RecordOutcome> forMissing = unfinished(missing, "Zendesk job " + job + " returned no result for it");
    int m = 0;
    for (RecordOutcome outcome : outcomes) {
      list.add(outcome != null ? outcome : forMissing.get(m++));
    }
    return list;
  }

  /** Records without a result: idempotent operations are retried, creates are rejected (never duplicated). */
  private List<RecordOutcome> unfinished(List<OutboundRecord> records, String why) {
    if (ZendeskObject.creates(operation)) {
      return uncertain(records, why);
    }
    return records.stream().map(r -> (RecordOutcome) RecordOutcome.retry(why)).toList();
  }

  private static List<RecordOutcome> uncertain(List<OutboundRecord> records, String why) {
    RecordOutcome outcome = RecordOutcome.rejected(RejectionReason.DELIVERY_UNCERTAIN, null, "Delivery uncertain: "
        + why + ". The record may or may not have been created in Zendesk; it is not sent again to avoid a "
        + "duplicate. Check Zendesk, then re-send it if it is missing.", null);
    return records.stream().map(r -> outcome).toList();
  }

  private List<RecordOutcome> upsertOrganizations(List<OutboundRecord> records) throws Exception {
    List<RecordOutcome> outcomes = new ArrayList<>(records.size());
    for (OutboundRecord record : records) {
      ZendeskHttp.Answer answer = http.call("POST", ORGANIZATION_UPSERT, organization(record));
      if (answer.status() == 200 || answer.status() == 201) {
        outcomes.add(RecordOutcome.accepted(answer.body().path("organization").path("id").asText(null)));
      } else if (answer.status() == 422 || answer.status() == 400) {
        ObjectNode result = JSON.objectNode().put("error", answer.body().path("error").asText("RecordInvalid"));
        JsonNode first = answer.body().path("details").elements().hasNext()
            ? answer.body().path("details").elements().next().path(0) : JSON.objectNode();
        result.put("details", first.path("description").asText(ZendeskErrors.describe(answer.body())));
        outcomes.add(ZendeskErrors.failedItem(result));
      } else if (answer.status() == 401 || answer.status() == 403) {
        throw new ConfigErrorException("Zendesk refused to write organizations (HTTP " + answer.status() + "): "
            + ZendeskErrors.describe(answer.body()) + ". Grant the organizations:write (or write) scope.");
      } else {
        outcomes.add(RecordOutcome.retry("Zendesk answered HTTP " + answer.status()));
      }
    }
    return outcomes;
  }

  private JsonNode organization(OutboundRecord record) {
    ObjectNode body = JSON.objectNode();
    body.set("organization", ItemPayloads.item(object, record, keyField));
    return body;
  }

  private String method() {
    return switch (operation) {
      case INSERT, UPSERT -> "POST";
      case UPDATE -> object.kind() == ZendeskObject.Kind.CUSTOM_OBJECT_RECORDS ? "POST" : "PUT";
      case DELETE, ARCHIVE -> object.kind() == ZendeskObject.Kind.CUSTOM_OBJECT_RECORDS ? "POST" : "DELETE";
    };
  }

  private String path(List<OutboundRecord> records) {
    String resource = object.kind().resource();
    if (object.kind() == ZendeskObject.Kind.CUSTOM_OBJECT_RECORDS) {
      return "/api/v2/custom_objects/" + object.customObjectKey() + "/jobs";
    }
    return switch (operation) {
      case INSERT -> "/api/v2/" + resource + "/create_many";
      case UPSERT -> "/api/v2/" + resource + "/create_or_update_many";
      case UPDATE -> "/api/v2/" + resource + "/update_many";
      case DELETE, ARCHIVE -> "/api/v2/" + resource + "/destroy_many?"
          + (keyField.equals("id") ? "ids=" : "external_ids=") + records.stream()
          .map(r -> URLEncoder.encode(r.matchingKey(), StandardCharsets.UTF_8)).collect(Collectors.joining(","));
    };
  }

  private JsonNode body(List<OutboundRecord> records) {
    boolean delete = operation == Operation.DELETE || operation == Operation.ARCHIVE;
    if (delete && object.kind() != ZendeskObject.Kind.CUSTOM_OBJECT_RECORDS) {
      return null;
    }
    ArrayNode items = JSON.arrayNode();
    for (OutboundRecord record : records) {
      items.add(delete ? ItemPayloads.keyValue(keyField, record.matchingKey())
          : ItemPayloads.item(object, record, operation == Operation.INSERT ? null : keyField));
    }
    ObjectNode body = JSON.objectNode();
    if (object.kind() == ZendeskObject.Kind.CUSTOM_OBJECT_RECORDS) {
      String action = switch (operation) {
        case INSERT -> "create";
        case UPSERT -> "create_or_update_by_external_id";
        case UPDATE -> "update";
        case DELETE, ARCHIVE -> keyField.equals("id") ? "delete" : "delete_by_external_id";
      };
      body.putObject("job").put("action", action).set("items", items);
    } else {
      body.set(object.kind().resource(), items);
    }
    return body;
  }
}
