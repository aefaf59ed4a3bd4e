package io.activationsuite.destination.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.protocol.errors.ConfigErrorException;
import io.activationsuite.sink.http.BaseUrls;
import java.net.URI;

/**
 * The connector-specific part of a (schema-valid) config, parsed once: credentials, API base URL and the
 * request budgets the connector paces itself to.
 *
 * @param dailyRequestBudget requests the connector may use per day (null: unlimited, rely on 429 DAILY)
 */
public record HubSpotConfig(
    HubSpotCredentials credentials, URI baseUrl, RateLimitTier tier, Long dailyRequestBudget) {

  /** HubSpot's production API. */
  public static final String DEFAULT_BASE_URL = "https://api.hubapi.com";

  /** Reads the config; a config that cannot work (bad URL, unknown auth type) is a config error. */
  public static HubSpotConfig from(JsonNode config) {
    return new HubSpotConfig(
        credentials(config.path("credentials")),
        baseUrl(config.path("base_url").asText(DEFAULT_BASE_URL)),
        tier(config.path("rate_limit_tier").asText(RateLimitTier.DEFAULT.configValue())),
        dailyBudget(config.path("daily_request_budget")));
  }

  private static HubSpotCredentials credentials(JsonNode node) {
    String authType = node.path("auth_type").asText("");
    return switch (authType) {
      case "private_app" -> new HubSpotCredentials.PrivateApp(required(node, "access_token"));
      case "oauth2" -> new HubSpotCredentials.OAuth(
          required(node, "client_id"), required(node, "client_secret"), required(node, "refresh_token"));
      default -> throw new ConfigErrorException(
          "credentials.auth_type must be \"private_app\" or \"oauth2\", got \"" + authType + "\"");
    };
  }

  private static String required(JsonNode node, String field) {
    String value = node.path(field).asText("").trim();
    if (value.isEmpty()) {
      throw new ConfigErrorException("credentials." + field + " is required");
    }
    return value;
  }

  /** The base URL without a trailing slash, checked by the base's {@link BaseUrls} (https, or http on loopback). */
  static URI baseUrl(String text) {
    String checked = BaseUrls.require("base_url", text).toString();
    return URI.create(checked.endsWith("/") ? checked.substring(0, checked.length() - 1) : checked);
  }

  private static RateLimitTier tier(String value) {
    try {
      return RateLimitTier.fromConfig(value);
    } catch (IllegalArgumentException e) {
      throw new ConfigErrorException("rate_limit_tier: " + e.getMessage());
    }
  }

  private static Long dailyBudget(JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    long value = node.asLong();
    if (value < 1) {
      throw new ConfigErrorException("daily_request_budget must be a positive number of requests");
    }
    return value;
  }
}
