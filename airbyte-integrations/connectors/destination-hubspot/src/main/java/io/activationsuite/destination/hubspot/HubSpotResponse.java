package io.activationsuite.destination.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * A final HubSpot answer: HTTP status and JSON body ({@link MissingNode} when empty or not JSON).
 */
public record HubSpotResponse(int status, JsonNode body) {

  public HubSpotResponse {
    body = body == null ? MissingNode.getInstance() : body;
  }

  public boolean successful() {
    return status >= 200 && status < 300;
  }

  /** HubSpot's {@code message}, or a generic text naming the status. */
  public String message() {
    String message = body.path("message").asText("");
    return message.isBlank() ? "HubSpot answered HTTP " + status : message;
  }
}
