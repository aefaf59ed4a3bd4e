package io.activationsuite.destination.zendesk;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The Zendesk-specific spec properties: subdomain, credentials (OAuth refresh token, OAuth client
 * credentials, or the deprecated API token), plan and request budget, and the hidden base URL for an emulator.
 */
public final class ZendeskSpec {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private ZendeskSpec() {}

  /** Names of the required properties. */
  public static List<String> required() {
    return List.of("subdomain", "credentials");
  }

  /** The JSON Schema properties of the connector-specific config. */
  public static ObjectNode properties() {
    ObjectNode properties = JSON.objectNode();
    ObjectNode subdomain = properties.putObject("subdomain");
    subdomain.put("type", "string").put("title", "Subdomain").put("order", 0).put("pattern", "^[a-zA-Z0-9-]+$");
    subdomain.put("description", "Your Zendesk subdomain: \"acme\" for https://acme.zendesk.com.");
    properties.set("credentials", credentials());
    ObjectNode plan = properties.putObject("plan");
    plan.put("type", "string").put("title", "Plan").put("order", 2).put("group", "advanced");
    plan.put("description", "Your Zendesk plan, whose Support API limit the connector paces itself to: Team 200,"
        + " Growth and Professional 400, Enterprise 700, Enterprise Plus or the High Volume API add-on 2,500"
        + " requests per minute. The limit is shared by every app of the account.");
    ArrayNode plans = plan.putArray("enum");
    for (ZendeskPlan p : ZendeskPlan.values()) {
      plans.add(p.configValue());
    }
    plan.put("default", ZendeskPlan.TEAM.configValue());
    ObjectNode rpm = properties.putObject("requests_per_minute");
    rpm.put("type", "integer").put("title", "Requests per minute").put("minimum", 1).put("order", 3);
    rpm.put("group", "advanced").put("description", "Overrides the plan's limit, e.g. to leave room for other"
        + " apps of the account.");
    ObjectNode poll = properties.putObject("job_poll_interval_ms");
    poll.put("type", "integer").put("title", "Job poll interval (ms)").put("minimum", 10).put("default", 1000)
        .put("order", 5).put("group", "advanced").put("description", "How often running Zendesk jobs are polled"
        + " (one job_statuses/show_many request for up to 100 jobs).");
    ObjectNode baseUrl = properties.putObject("base_url");
    baseUrl.put("type", "string").put("title", "API base URL").put("airbyte_hidden", true).put("order", 4);
    baseUrl.put("description", "Only change it to test against an emulator; the subdomain is used otherwise.");
    return properties;
  }

  private static ObjectNode credentials() {
    ObjectNode credentials = JSON.objectNode();
    credentials.put("type", "object").put("title", "Authentication").put("order", 1);
    ArrayNode oneOf = credentials.putArray("oneOf");
    ObjectNode refresh = option(oneOf, "OAuth (refresh token)", "oauth2_refresh_token",
        "An OAuth client of the account and a refresh token. Zendesk rotates the refresh token on each use;"
            + " the connector saves the new one.", "client_id", "client_secret", "refresh_token");
    secret(refresh, "refresh_token", "Refresh token", 3);
    option(oneOf, "OAuth (client credentials)", "oauth2_client_credentials",
        "An OAuth client of the account allowed the client-credentials grant with scopes read and write.",
        "client_id", "client_secret");
    option(oneOf, "API token (deprecated)", "api_token", "Deprecated: Zendesk permanently deactivates all API"
        + " tokens on 30 April 2027 (and new tokens cannot be created from 27 October 2026). Use OAuth.",
        "email", "api_token");
    return credentials;
  }

  private static ObjectNode option(ArrayNode oneOf, String title, String authType, String description,
      String... required) {
    ObjectNode option = oneOf.addObject();
    option.put("type", "object").put("title", title).put("description", description);
    ArrayNode names = option.putArray("required").add("auth_type");
    ObjectNode props = option.putObject("properties");
    props.putObject("auth_type").put("type", "string").put("const", authType).put("default", authType)
        .put("order", 0);
    int order = 1;
    for (String name : required) {
      names.add(name);
      if (name.equals("client_id") || name.equals("email")) {
        props.putObject(name).put("type", "string").put("title", name.equals("email") ? "Agent email" : "Client ID")
            .put("order", order++);
      } else {
        secret(option, name, name.equals("client_secret") ? "Client secret"
            : name.equals("api_token") ? "API token" : "Refresh token", order++);
      }
    }
    return option;
  }

  private static void secret(ObjectNode option, String name, String title, int order) {
    option.with("properties").putObject(name).put("type", "string").put("title", title)
        .put("airbyte_secret", true).put("order", order);
  }
}
