package io.activationsuite.destination.hubspot;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The HubSpot-specific spec properties: credentials (private app token or OAuth), the rate-limit tier and
 * daily budget the connector paces itself to, and the hidden base URL used to point at a local emulator.
 */
public final class HubSpotSpec {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private HubSpotSpec() {}

  /** Names of the required properties. */
  public static List<String> required() {
    return List.of("credentials");
  }

  /** The JSON Schema properties of the connector-specific config. */
  public static ObjectNode properties() {
    ObjectNode properties = JSON.objectNode();
    properties.set("credentials", credentials());

    ObjectNode tier = properties.putObject("rate_limit_tier");
    tier.put("type", "string").put("title", "Rate limit tier").put("order", 1);
    tier.put("description", "The HubSpot subscription's API limit per 10 seconds, which the connector"
        + " paces itself to: Free/Starter 100, Professional/Enterprise 190, with the API Limit Increase"
        + " pack 250 requests per 10 seconds.");
    ArrayNode tiers = tier.putArray("enum");
    for (RateLimitTier t : RateLimitTier.values()) {
      tiers.add(t.configValue());
    }
    tier.put("default", RateLimitTier.DEFAULT.configValue());
    tier.put("group", "advanced");

    ObjectNode daily = properties.putObject("daily_request_budget");
    daily.put("type", "integer").put("title", "Daily request budget").put("minimum", 1).put("order", 2);
    daily.put("description", "Requests this connector may use per day (the account's daily limit is shared"
        + " by every app). Leave empty to use what HubSpot allows; the sync stops cleanly when the daily"
        + " limit is reached.");
    daily.put("group", "advanced");

    ObjectNode baseUrl = properties.putObject("base_url");
    baseUrl.put("type", "string").put("title", "API base URL").put("default", HubSpotConfig.DEFAULT_BASE_URL);
    baseUrl.put("description", "HubSpot API base URL. Only change it to test against an emulator.");
    baseUrl.put("airbyte_hidden", true).put("order", 3);
    return properties;
  }

  private static ObjectNode credentials() {
    ObjectNode credentials = JSON.objectNode();
    credentials.put("type", "object").put("title", "Authentication").put("order", 0);
    credentials.put("description", "A private app access token, or an OAuth app's client and refresh token.");
    ArrayNode oneOf = credentials.putArray("oneOf");

    ObjectNode privateApp = oneOf.addObject();
    privateApp.put("type", "object").put("title", "Private app access token");
    privateApp.putArray("required").add("auth_type").add("access_token");
    ObjectNode privateProps = privateApp.putObject("properties");
    authType(privateProps, "private_app");
    secret(privateProps, "access_token", "Access token",
        "The private app's access token (Settings > Integrations > Private apps).", 1);

    ObjectNode oauth = oneOf.addObject();
    oauth.put("type", "object").put("title", "OAuth");
    oauth.putArray("required").add("auth_type").add("client_id").add("client_secret").add("refresh_token");
    ObjectNode oauthProps = oauth.putObject("properties");
    authType(oauthProps, "oauth2");
    ObjectNode clientId = oauthProps.putObject("client_id");
    clientId.put("type", "string").put("title", "Client ID").put("order", 1);
    clientId.put("description", "The OAuth app's client ID.");
    secret(oauthProps, "client_secret", "Client secret", "The OAuth app's client secret.", 2);
    secret(oauthProps, "refresh_token", "Refresh token",
        "A refresh token of the app's installation in the HubSpot account.", 3);
    return credentials;
  }

  private static void authType(ObjectNode properties, String value) {
    ObjectNode authType = properties.putObject("auth_type");
    authType.put("type", "string").put("const", value).put("default", value).put("order", 0);
  }

  private static void secret(ObjectNode properties, String name, String title, String description, int order) {
    ObjectNode node = properties.putObject(name);
    node.put("type", "string").put("title", title).put("description", description);
    node.put("airbyte_secret", true).put("order", order);
  }
}
