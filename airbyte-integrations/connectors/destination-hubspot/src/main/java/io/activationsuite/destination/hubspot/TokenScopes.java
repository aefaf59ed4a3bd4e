package io.activationsuite.destination.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.protocol.errors.ConfigErrorException;
import io.activationsuite.sink.http.Idempotency;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Asks HubSpot which scopes the configured token carries: the private-app token info endpoint for
 * private apps, the OAuth access-token metadata endpoint for OAuth (after a refresh).
 */
public final class TokenScopes {

  private TokenScopes() {}

  /** The token's scopes; a token HubSpot does not recognise is a config error saying what to fix. */
  public static Set<String> of(HubSpotHttp http, HubSpotCredentials credentials) throws IOException {
    String token = http.accessToken();
    HubSpotResponse response;
    if (credentials instanceof HubSpotCredentials.PrivateApp) {
      ObjectNode body = JsonNodeFactory.instance.objectNode().put("tokenKey", token);
      response = http.post("/oauth/v2/private-apps/get/access-token-info", body, Idempotency.IDEMPOTENT);
    } else {
      response = http.get("/oauth/v1/access-tokens/" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }
    if (!response.successful()) {
      throw new ConfigErrorException(invalidToken(credentials, response));
    }
    Set<String> scopes = new LinkedHashSet<>();
    for (JsonNode scope : response.body().path("scopes")) {
      scopes.add(scope.asText());
    }
    return scopes;
  }

  private static String invalidToken(HubSpotCredentials credentials, HubSpotResponse response) {
    if (credentials instanceof HubSpotCredentials.PrivateApp) {
      return "HubSpot does not accept the private app access token (HTTP " + response.status() + ": "
          + response.message() + "). Copy the token again from Settings > Integrations > Private apps.";
    }
    return "HubSpot does not accept the OAuth access token (HTTP " + response.status() + ": "
        + response.message() + "). Reconnect the account to get a new refresh token.";
  }
}
