package io.activationsuite.destination.braze;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.protocol.errors.ConfigErrorException;
import io.activationsuite.sink.api.BatchLimits;
import io.activationsuite.sink.api.BatchRejectedException;
import io.activationsuite.sink.api.BatchWriter;
import io.activationsuite.sink.api.OutboundRecord;
import io.activationsuite.sink.api.PlannedRequest;
import io.activationsuite.sink.api.RecordOutcome;
import io.activationsuite.sink.api.RejectionReason;
import io.activationsuite.sink.api.StreamPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * Deletes users with {@code POST /users/delete}, at most 50 per request, by the stream's one kind of
 * identifier (external_id, braze_id or alias). Idempotent (deleting twice deletes once), so retried; Braze
 * answers only a count, so a user that did not exist is acknowledged too.
 */
final class DeletionWriter implements BatchWriter {

  private static final String PATH = "users/delete";
  private final BrazeHttp http;
  private final String key;

  DeletionWriter(BrazeHttp http, StreamPlan plan) {
    this.http = http;
    this.key = plan.matchingKey();
  }

  @Override
  public BatchLimits limits() {
    return new BatchLimits(50, 1_000_000);
  }

  @Override
  public List<RecordOutcome> write(List<OutboundRecord> batch) throws Exception {
    List<RecordOutcome> outcomes = new ArrayList<>();
    ObjectNode body = body(batch, outcomes);
    if (body == null) {
      return outcomes;
    }
    BrazeHttp.Answer answer = http.post(BrazeHttp.Endpoint.USERS, PATH, body);
    if (answer.status() == 401 || answer.status() == 403) {
      throw new ConfigErrorException("The Braze REST API key cannot delete users (HTTP " + answer.status()
          + "): it needs the permission users.delete.");
    }
    if (answer.status() / 100 != 2) {
      throw new BatchRejectedException(answer.status(), RejectionReason.REFUSED_BY_API,
          "Braze refused the deletion (HTTP " + answer.status() + "): " + answer.message());
    }
    return outcomes;
  }

  /** The {@code /users/delete} call {@link #write} would make of {@code batch}, built by the same code. */
  @Override
  public List<PlannedRequest> plannedRequests(List<OutboundRecord> batch) {
    ObjectNode body = body(batch, new ArrayList<>());
    return body == null ? List.of() : List.of(http.planned(PATH, body));
  }

  /** The request body, adding one outcome per record to {@code outcomes}; null when no record can go. */
  private ObjectNode body(List<OutboundRecord> batch, List<RecordOutcome> outcomes) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    ArrayNode ids = body.putArray(switch (key) {
      case "external_id" -> "external_ids";
      case "braze_id" -> "braze_ids";
      default -> "user_aliases";
    });
    for (OutboundRecord record : batch) {
      if (key.equals(BrazeCatalog.ALIAS_NAME)) {
        ObjectNode alias = JsonNodeFactory.instance.objectNode();
        if (UserIdentity.write(record.payload(), key, alias).isPresent()) {
          outcomes.add(RecordOutcome.rejected(RejectionReason.MISSING_REQUIRED_FIELD, BrazeCatalog.ALIAS_LABEL,
              "Deleting by user_alias_name needs user_alias_label in the same record", null));
          continue;
        }
        ids.add(alias.get("user_alias"));
      } else {
        ids.add(record.matchingKey());
      }
      outcomes.add(RecordOutcome.accepted(null));
    }
    return ids.isEmpty() ? null : body;
  }
}
