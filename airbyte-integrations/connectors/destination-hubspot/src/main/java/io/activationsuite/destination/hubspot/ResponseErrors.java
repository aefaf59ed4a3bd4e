package io.activationsuite.destination.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.protocol.errors.ConfigErrorException;
import io.activationsuite.protocol.errors.TransientErrorException;
import io.activationsuite.sink.api.BatchRejectedException;
import io.activationsuite.sink.api.RejectionReason;
import java.util.ArrayList;
import java.util.List;

/**
 * Classifies a HubSpot answer that is not a per-record result: whole-batch refusals the engine should
 * narrow down, credential and scope problems the user must fix, and failures worth a later sync.
 */
public final class ResponseErrors {

  private ResponseErrors() {}

  /** Throws unless the status carries per-record results (2xx). */
  public static void requireBatchResults(HubSpotResponse response, String what) throws BatchRejectedException {
    int status = response.status();
    if (response.successful()) {
      return;
    }
    switch (status) {
      case 401 -> throw new ConfigErrorException(
          "HubSpot rejected the access token while trying to " + what + ": " + response.message()
              + ". Check the connector's credentials.");
      case 403 -> throw new ConfigErrorException(forbidden(response.body(), what));
      case 400, 404, 409, 413, 414, 415, 422 -> throw new BatchRejectedException(
          status, reasonOf(response), response.message());
      default -> throw new TransientErrorException(
          "HubSpot failed to " + what + " (HTTP " + status + "): " + response.message());
    }
  }

  /** A user-facing message for a 403, naming the scopes HubSpot says are missing when it does. */
  public static String forbidden(JsonNode body, String what) {
    List<String> scopes = missingScopes(body);
    String message = body.path("message").asText("forbidden");
    if (scopes.isEmpty()) {
      return "HubSpot refused to " + what + " (HTTP 403): " + message
          + ". Check that the app has the scopes listed in the connector documentation.";
    }
    return "The HubSpot app is missing the scope(s) " + String.join(", ", scopes) + " needed to " + what
        + ". Add them to the app and reinstall it (or update the private app), then retry.";
  }

  static List<String> missingScopes(JsonNode body) {
    List<String> scopes = new ArrayList<>();
    for (JsonNode error : body.path("errors")) {
      for (String key : List.of("missingScopes", "requiredGranularScopes", "requiredScopes")) {
        error.path("context").path(key).forEach(s -> scopes.add(s.asText()));
      }
    }
    for (String key : List.of("missingScopes", "requiredGranularScopes", "requiredScopes")) {
      body.path("context").path(key).forEach(s -> scopes.add(s.asText()));
    }
    return scopes.stream().distinct().toList();
  }

  private static RejectionReason reasonOf(HubSpotResponse response) {
    if (response.status() == 409) {
      return RejectionReason.DUPLICATE_KEY;
    }
    if (response.status() == 404) {
      return RejectionReason.NOT_FOUND;
    }
    if (response.status() == 413) {
      return RejectionReason.RECORD_TOO_LARGE;
    }
    JsonNode body = response.body();
    return ErrorReasons.reason(body.path("errors").path(0).path("code").asText(null),
        body.path("category").asText(null));
  }
}
