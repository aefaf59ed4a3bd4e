package io.activationsuite.sandbox.hubspot;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sandbox.Json;
import io.activationsuite.sandbox.SandboxResponse;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Builds HubSpot's error bodies ({@code status}, {@code message}, {@code correlationId},
 * {@code category}, {@code context}, {@code errors}) with correlation ids drawn from the emulator's
 * seeded random source.
 */
public final class HubSpotErrors {

  private final Random random;

  /** Uses {@code random} (synchronised on) for correlation ids. */
  public HubSpotErrors(Random random) {
    this.random = random;
  }

  /** A fresh correlation id (UUID form). */
  public String correlationId() {
    synchronized (random) {
      return new UUID(random.nextLong(), random.nextLong()).toString();
    }
  }

  /** A top-level error body. */
  public ObjectNode body(String category, String message, Map<String, ? extends Collection<String>> context) {
    ObjectNode node = Json.object();
    node.put("status", "error").put("message", message).put("correlationId", correlationId())
        .put("category", category);
    if (context != null && !context.isEmpty()) {
      ObjectNode ctx = node.putObject("context");
      context.forEach((k, v) -> ctx.set(k, Json.strings(v)));
    }
    return node;
  }

  /** An error response. */
  public SandboxResponse response(int status, String category, String message,
      Map<String, ? extends Collection<String>> context) {
    return SandboxResponse.json(status, body(category, message, context));
  }

  /** 400 VALIDATION_ERROR for a request the batch endpoints cannot process at all. */
  public SandboxResponse validation(String message) {
    return response(400, "VALIDATION_ERROR", message, null);
  }

  /** 400 for an {@code objectType} that resolves to nothing. */
  public SandboxResponse unknownObjectType(String objectType) {
    return response(400, "VALIDATION_ERROR", "Unable to infer object type from: " + objectType, null);
  }

  /** HubSpot's summary message for refused property values, embedding the per-property details. */
  public static String propertyMessage(List<PropertyError> errors) {
    ArrayNode details = Json.array();
    for (PropertyError e : errors) {
      details.addObject().put("isValid", false).put("message", e.message()).put("error", e.code())
          .put("name", e.name()).put("localizedErrorMessage", e.message());
    }
    return "Property values were not valid: " + details;
  }

  /** Per-property details as the {@code errors[]} of a standard error. */
  public static ArrayNode propertyDetails(List<PropertyError> errors) {
    ArrayNode details = Json.array();
    for (PropertyError e : errors) {
      details.addObject().put("message", e.message()).put("code", e.code()).put("in", e.name());
    }
    return details;
  }
}
