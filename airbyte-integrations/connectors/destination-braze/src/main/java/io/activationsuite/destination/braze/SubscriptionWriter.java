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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sets subscription group states with {@code POST /v2/subscription/status/set}: records of a batch (at most
 * 50) are grouped by group and state into one request. Setting a state is idempotent, so retried. A refused
 * request is split by the engine until the faulty record is found.
 */
final class SubscriptionWriter implements BatchWriter {

  private static final String PATH = "v2/subscription/status/set";
  private final BrazeHttp http;
  private final String idsField;
  private final String key;

  SubscriptionWriter(BrazeHttp http, StreamPlan plan) {
    this.http = http;
    this.key = plan.matchingKey();
    this.idsField = switch (key) {
      case "email" -> "emails";
      case "phone" -> "phones";
      default -> "external_ids";
    };
  }

  @Override
  public BatchLimits limits() {
    return new BatchLimits(50, 1_000_000);
  }

  @Override
  public List<RecordOutcome> write(List<OutboundRecord> batch) throws Exception {
    List<RecordOutcome> outcomes = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      outcomes.add(RecordOutcome.accepted(null));
    }
    ObjectNode body = body(batch);
    BrazeHttp.Answer answer = http.post(BrazeHttp.Endpoint.SUBSCRIPTION, PATH, body);
    if (answer.status() == 401 || answer.status() == 403) {
      throw new ConfigErrorException("The Braze REST API key cannot set subscription states (HTTP "
          + answer.status() + "): it needs the permission subscription.status.set.");
    }
    if (answer.status() / 100 != 2) {
      throw new BatchRejectedException(answer.status(), RejectionReason.REFUSED_BY_API,
          "Braze refused the subscription change (HTTP " + answer.status() + "): " + answer.message());
    }
    return outcomes;
  }

  /** The {@code /v2/subscription/status/set} call {@link #write} would make, built by the same code. */
  @Override
  public List<PlannedRequest> plannedRequests(List<OutboundRecord> batch) {
    return List.of(http.planned(PATH, body(batch)));
  }

  /** One entry per subscription group and state, listing the records' identifiers. */
  private ObjectNode body(List<OutboundRecord> batch) {
    Map<String, ObjectNode> groups = new LinkedHashMap<>();
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    ArrayNode entries = body.putArray("subscription_groups");
    for (OutboundRecord record : batch) {
      String group = record.payload().path("subscription_group_id").asText();
      String state = record.payload().path("subscription_state").asText();
      groups.computeIfAbsent(group + "\u0000" + state, k -> entries.addObject()
          .put("subscription_group_id", group).put("subscription_state", state)).withArray(idsField)
          .add(record.matchingKey());
    }
    return body;
  }
}
