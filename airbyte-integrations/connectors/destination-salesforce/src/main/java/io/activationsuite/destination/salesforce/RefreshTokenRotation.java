package io.activationsuite.destination.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds the config to persist when the app rotates refresh tokens: the same config with the new
 * refresh token, so the next sync does not use the invalidated one.
 */
public final class RefreshTokenRotation {

  private RefreshTokenRotation() {}

  /** A copy of {@code config} whose {@code credentials.refresh_token} is {@code refreshToken}. */
  public static ObjectNode updatedConfig(JsonNode config, String refreshToken) {
    ObjectNode copy = config.deepCopy();
    JsonNode credentials = copy.path("credentials");
    if (credentials instanceof ObjectNode node) {
      node.put("refresh_token", refreshToken);
    }
    return copy;
  }
}
