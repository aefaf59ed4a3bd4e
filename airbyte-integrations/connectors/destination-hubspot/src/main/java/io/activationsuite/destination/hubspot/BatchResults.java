package io.activationsuite.destination.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.sink.api.RecordOutcome;
import io.activationsuite.sink.api.RejectionReason;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Joins a batch response (200/201 all written, 207 multi-status) back to its inputs, one outcome per
 * input in input order. Results and errors are matched by {@code objectWriteTraceId} first, then by the
 * ids or unique values HubSpot puts in an error's {@code context} or a result's properties.
 */
public final class BatchResults {

  private BatchResults() {}

  /**
   * Outcomes of a write batch.
   *
   * @param idProperty the unique property inputs were identified by, or null (record id or create)
   */
  public static List<RecordOutcome> outcomes(List<BatchInput> inputs, int httpStatus, JsonNode body,
      String idProperty) {
    Index index = new Index(inputs);
    RecordOutcome[] outcomes = new RecordOutcome[inputs.size()];
    for (JsonNode result : body.path("results")) {
      int at = index.ofResult(result, idProperty);
      if (at >= 0 && outcomes[at] == null) {
        outcomes[at] = RecordOutcome.accepted(result.path("id").asText(null));
      }
    }
    List<JsonNode> unattributed = new ArrayList<>();
    for (JsonNode error : body.path("errors")) {
      List<Integer> targets = index.ofError(error);
      if (targets.isEmpty()) {
        unattributed.add(error);
      }
      for (int at : targets) {
        outcomes[at] = outcomeOf(error, httpStatus);
      }
    }
    for (int i = 0; i < outcomes.length; i++) {
      if (outcomes[i] == null) {
        outcomes[i] = unattributed.isEmpty() ? RecordOutcome.accepted(null) : unmatched(unattributed, httpStatus);
      }
    }
    return List.of(outcomes);
  }

  /** The outcome of one StandardError: a rejection with HubSpot's message, or a retry when transient. */
  public static RecordOutcome outcomeOf(JsonNode error, int httpStatus) {
    String category = error.path("category").asText(null);
    String message = error.path("message").asText("HubSpot refused the record");
    if (ErrorReasons.retryable(category)) {
      return RecordOutcome.retry(message);
    }
    JsonNode detail = error.path("errors").path(0);
    String code = detail.path("code").asText(null);
    if (code == null) {
      code = error.path("subCategory").asText(null);
    }
    String field = detail.path("in").asText(null);
    if (field == null) {
      field = error.path("context").path("propertyName").path(0).asText(null);
    }
    RejectionReason reason = ErrorReasons.reason(code, category);
    return RecordOutcome.rejected(reason, field, message, httpStatus);
  }

  private static RecordOutcome unmatched(List<JsonNode> errors, int httpStatus) {
    StringBuilder message = new StringBuilder();
    for (JsonNode error : errors) {
      if (!message.isEmpty()) {
        message.append(" | ");
      }
      message.append(error.path("message").asText("error"));
    }
    JsonNode first = errors.getFirst();
    RecordOutcome single = outcomeOf(first, httpStatus);
    RejectionReason reason = single instanceof RecordOutcome.Rejected r ? r.reason() : RejectionReason.REFUSED_BY_API;
    return RecordOutcome.rejected(reason, null,
        "HubSpot reported errors it did not attribute to an input: " + message, httpStatus);
  }

  /** Positions of inputs by trace id and by identifying value. */
  private static final class Index {
    private final Map<String, Integer> byTrace = new HashMap<>();
    private final Map<String, List<Integer>> byId = new HashMap<>();

    Index(List<BatchInput> inputs) {
      for (int i = 0; i < inputs.size(); i++) {
        BatchInput input = inputs.get(i);
        if (input.traceId() != null) {
          byTrace.put(input.traceId(), i);
        }
        if (input.id() != null) {
          byId.computeIfAbsent(normalise(input.id()), k -> new ArrayList<>()).add(i);
        }
      }
    }

    int ofResult(JsonNode result, String idProperty) {
      Integer at = byTrace.get(result.path("objectWriteTraceId").asText(""));
      if (at != null) {
        return at;
      }
      String key = idProperty == null ? result.path("id").asText(null)
          : result.path("properties").path(idProperty).asText(null);
      List<Integer> matches = key == null ? null : byId.get(normalise(key));
      return matches == null || matches.isEmpty() ? -1 : matches.getFirst();
    }

    List<Integer> ofError(JsonNode error) {
      List<Integer> found = new ArrayList<>();
      JsonNode context = error.path("context");
      for (JsonNode trace : context.path("objectWriteTraceId")) {
        Integer at = byTrace.get(trace.asText());
        if (at != null) {
          found.add(at);
        }
      }
      if (!found.isEmpty()) {
        return found;
      }
      context.properties().forEach(entry -> {
        for (JsonNode value : entry.getValue().isArray() ? entry.getValue() : List.of(entry.getValue())) {
          List<Integer> matches = byId.get(normalise(value.asText()));
          if (matches != null) {
            matches.stream().filter(m -> !found.contains(m)).forEach(found::add);
          }
        }
      });
      return found;
    }

    private static String normalise(String value) {
      return value.trim().toLowerCase(Locale.ROOT);
    }
  }
}
