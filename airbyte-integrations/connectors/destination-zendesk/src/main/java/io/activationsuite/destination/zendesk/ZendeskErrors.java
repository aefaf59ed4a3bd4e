package io.activationsuite.destination.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.sink.api.RecordOutcome;
import io.activationsuite.sink.api.RejectionReason;
import java.util.Locale;

/** Turns Zendesk's error bodies and failed job results into user-facing messages and rejection reasons. */
final class ZendeskErrors {

  private ZendeskErrors() {}

  /** {@code error: description} from a classic, {@code message} (403 Forbidden) or OAuth error body. */
  static String describe(JsonNode body) {
    String error = body.path("error").isTextual() ? body.path("error").asText() : body.path("error").toString();
    String description = body.path("description").asText(body.path("message")
        .asText(body.path("error_description").asText("")));
    String text = description.isEmpty() ? error : error + ": " + description;
    JsonNode details = body.path("details");
    return details.isMissingNode() || details.isNull() ? text : text + " " + details;
  }

  /** The outcome of a job result item with {@code status: Failed}. */
  static RecordOutcome failedItem(JsonNode result) {
    String error = result.path("error").asText("Failed");
    String details = result.path("details").isTextual() ? result.path("details").asText()
        : result.path("details").toString();
    String lower = (error + " " + details).toLowerCase(Locale.ROOT);
    RejectionReason reason;
    if (error.equals("RecordNotFound") || lower.contains("not found")) {
      reason = RejectionReason.NOT_FOUND;
    } else if (lower.contains("already been taken") || lower.contains("already being used")
        || error.equals("DuplicateValue")) {
      reason = RejectionReason.DUPLICATE_KEY;
    } else if (lower.contains("not a valid option")) {
      reason = RejectionReason.INVALID_OPTION;
    } else if (lower.contains("is not a known field")) {
      reason = RejectionReason.UNKNOWN_FIELD;
    } else if (lower.contains("blank") || lower.contains("too short")) {
      reason = RejectionReason.MISSING_REQUIRED_FIELD;
    } else if (lower.contains("not properly formatted") || lower.contains("is not a")) {
      reason = RejectionReason.INVALID_VALUE;
    } else {
      reason = RejectionReason.REFUSED_BY_API;
    }
    return RecordOutcome.rejected(reason, null, "Zendesk " + error + ": " + details, null);
  }
}
