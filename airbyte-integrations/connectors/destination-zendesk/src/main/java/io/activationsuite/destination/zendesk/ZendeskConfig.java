package io.activationsuite.destination.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.protocol.errors.ConfigErrorException;
import java.net.URI;
import java.util.Locale;

/**
 * The connector-specific part of a (schema-valid) config, parsed once: the account's API base URL (from the
 * subdomain, or the hidden {@code base_url} for an emulator), credentials and the request budget.
 *
 * @param requestsPerMinute the budget the connector paces itself to (plan limit, or the override)
 */
public record ZendeskConfig(URI baseUrl, ZendeskCredentials credentials, ZendeskPlan plan, int requestsPerMinute) {

  /** Reads the config; a config that cannot work is a config error naming the field. */
  public static ZendeskConfig from(JsonNode config) {
    ZendeskPlan plan;
    try {
      plan = ZendeskPlan.fromConfig(config.path("plan").asText(ZendeskPlan.TEAM.configValue()));
    } catch (IllegalArgumentException e) {
      throw new ConfigErrorException("plan: " + e.getMessage());
    }
    int override = config.path("requests_per_minute").asInt(0);
    return new ZendeskConfig(baseUrl(config), credentials(config.path("credentials")), plan,
        override > 0 ? override : plan.requestsPerMinute());
  }

  private static URI baseUrl(JsonNode config) {
    String explicit = config.path("base_url").asText("");
    if (!explicit.isBlank()) {
      URI uri = URI.create(explicit.replaceAll("/+$", ""));
      String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
      boolean loopback = host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
      if (!"https".equals(uri.getScheme()) && !("http".equals(uri.getScheme()) && loopback)) {
        throw new ConfigErrorException("base_url must be an https:// URL (plain http only for localhost), got: "
            + explicit);
      }
      return uri;
    }
    String subdomain = config.path("subdomain").asText("").trim().toLowerCase(Locale.ROOT);
    if (subdomain.endsWith(".zendesk.com")) {
      subdomain = subdomain.substring(0, subdomain.length() - ".zendesk.com".length());
    }
    if (!subdomain.matches("[a-z0-9][a-z0-9-]*")) {
      throw new ConfigErrorException("subdomain must be your Zendesk subdomain, e.g. \"acme\" for "
          + "acme.zendesk.com; got \"" + config.path("subdomain").asText("") + "\"");
    }
    return URI.create("https://" + subdomain + ".zendesk.com");
  }

  private static ZendeskCredentials credentials(JsonNode node) {
    String type = node.path("auth_type").asText("");
    return switch (type) {
      case "oauth2_refresh_token" -> new ZendeskCredentials.OAuthRefresh(required(node, "client_id"),
          required(node, "client_secret"), required(node, "refresh_token"));
      case "oauth2_client_credentials" -> new ZendeskCredentials.ClientCredentials(required(node, "client_id"),
          required(node, "client_secret"));
      case "api_token" -> new ZendeskCredentials.ApiToken(required(node, "email"), required(node, "api_token"));
      default -> throw new ConfigErrorException("credentials.auth_type must be oauth2_refresh_token, "
          + "oauth2_client_credentials or api_token, got \"" + type + "\"");
    };
  }

  private static String required(JsonNode node, String field) {
    String value = node.path(field).asText("").trim();
    if (value.isEmpty()) {
      throw new ConfigErrorException("credentials." + field + " is required");
    }
    return value;
  }
}
