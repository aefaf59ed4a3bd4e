package io.activationsuite.destination.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.protocol.errors.ConfigErrorException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

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

  static URI baseUrl(String text) {
    URI uri;
    try {
      uri = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    } catch (URISyntaxException e) {
      throw new ConfigErrorException("base_url is not a valid URL: " + text);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
      throw new ConfigErrorException("base_url must be an https:// URL, got: " + text);
    }
    if (scheme.equals("http") && !isLoopback(uri.getHost())) {
      throw new ConfigErrorException(
          "base_url must use https:// (plain http is only allowed for localhost), got: " + text);
    }
    return uri;
  }

  private static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]") || h.equals("::1");
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
