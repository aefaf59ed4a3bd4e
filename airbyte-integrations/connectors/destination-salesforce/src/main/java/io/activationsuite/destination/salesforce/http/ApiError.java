package io.activationsuite.destination.salesforce.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One error entry of a Salesforce REST answer ({@code [{"errorCode":..,"message":..,"fields":[..]}]}, or
 * {@code statusCode} inside a SaveResult).
 */
public record ApiError(String code, String message, List<String> fields) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public ApiError {
    code = code == null ? "UNKNOWN" : code;
    message = message == null ? "" : message;
    fields = fields == null ? List.of() : List.copyOf(fields);
  }

  /** Reads one error object (either {@code errorCode} or {@code statusCode} naming its code). */
  public static ApiError of(JsonNode node) {
    String code = node.hasNonNull("errorCode") ? node.get("errorCode").asText() : node.path("statusCode").asText(null);
    List<String> fields = new ArrayList<>();
    node.path("fields").forEach(f -> fields.add(f.asText()));
    return new ApiError(code, node.path("message").asText(null), fields);
  }

  /** Every error of a REST error body; empty when the body is not an error list. */
  public static List<ApiError> parseBody(String body) {
    List<ApiError> errors = new ArrayList<>();
    try {
      JsonNode root = body == null || body.isBlank() ? null : JSON.readTree(body);
      if (root != null && root.isArray()) {
        root.forEach(n -> errors.add(of(n)));
      } else if (root != null && root.isObject() && (root.has("errorCode") || root.has("statusCode"))) {
        errors.add(of(root));
      }
    } catch (IOException e) {
      return List.of();
    }
    return errors;
  }

  /** The first field named by the error, or null. */
  public String firstField() {
    return fields.isEmpty() ? null : fields.get(0);
  }
}
