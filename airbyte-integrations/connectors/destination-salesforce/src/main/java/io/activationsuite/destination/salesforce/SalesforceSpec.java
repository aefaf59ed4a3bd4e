package io.activationsuite.destination.salesforce;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The connector-specific part of the spec: OAuth credentials (refresh token or client credentials),
 * which login host to use, the API version and the advanced write settings.
 */
public final class SalesforceSpec {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SalesforceSpec() {}

  /** The JSON Schema properties. */
  public static ObjectNode properties() {
    ObjectNode properties = JSON.createObjectNode();
    ObjectNode credentials = properties.putObject("credentials")
        .put("title", "Authentication")
        .put("description", "How the connector signs in: an External Client App (or Connected App) with "
            + "OAuth scopes 'api refresh_token'.")
        .put("type", "object")
        .put("order", 0);
    ArrayNode oneOf = credentials.putArray("oneOf");
    ObjectNode refresh = oneOf.addObject().put("title", "OAuth 2.0 refresh token").put("type", "object");
    refresh.putArray("required").add("auth_type").add("client_id").add("client_secret").add("refresh_token");
    ObjectNode refreshProps = refresh.putObject("properties");
    refreshProps.putObject("auth_type").put("type", "string").put("const", "oauth2_refresh_token")
        .put("order", 0);
    clientFields(refreshProps);
    refreshProps.putObject("refresh_token").put("type", "string").put("title", "Refresh token")
        .put("description", "A refresh token issued to the integration user for this app.")
        .put("airbyte_secret", true).put("order", 3);
    ObjectNode client = oneOf.addObject().put("title", "OAuth 2.0 client credentials").put("type", "object");
    client.putArray("required").add("auth_type").add("client_id").add("client_secret");
    ObjectNode clientProps = client.putObject("properties");
    clientProps.putObject("auth_type").put("type", "string").put("const", "client_credentials").put("order", 0);
    clientFields(clientProps);

    properties.putObject("is_sandbox").put("type", "boolean").put("default", false).put("order", 1)
        .put("title", "Sandbox org").put("description", "Sign in at test.salesforce.com (a sandbox org).");
    properties.putObject("login_url").put("type", "string").put("order", 2).put("title", "My Domain login URL")
        .put("description", "Your My Domain URL, e.g. https://mycompany.my.salesforce.com. Overrides "
            + "'Sandbox org'. Required for the client credentials flow.")
        .put("pattern", "^https://.*$");
    properties.putObject("api_version").put("type", "string").put("order", 3).put("title", "API version")
        .put("default", SalesforceConfig.DEFAULT_API_VERSION).put("pattern", "^v?\\d{2,3}\\.0$")
        .put("description", "Salesforce REST API version, e.g. 64.0.");
    ObjectNode strategy = properties.putObject("write_strategy").put("type", "string").put("order", 4)
        .put("title", "Write strategy").put("default", "auto")
        .put("description", "auto: Bulk API 2.0 for large batches and sObject Collections for small ones; "
            + "bulk: always Bulk API 2.0; collections: always sObject Collections (200 records per call).");
    ArrayNode values = strategy.putArray("enum");
    List.of("auto", "bulk", "collections").forEach(values::add);
    properties.putObject("bulk_threshold").put("type", "integer").put("minimum", 1).put("order", 5)
        .put("default", SalesforceConfig.DEFAULT_BULK_THRESHOLD).put("title", "Bulk threshold")
        .put("description", "With the auto strategy, batches of more records than this use Bulk API 2.0.");
    properties.putObject("bulk_max_records_per_job").put("type", "integer").put("minimum", 1).put("order", 6)
        .put("default", SalesforceConfig.DEFAULT_BULK_MAX_RECORDS).put("title", "Records per bulk job")
        .put("description", "The most records one Bulk API 2.0 job carries.");
    properties.putObject("bulk_poll_max_millis").put("type", "integer").put("minimum", 10)
        .put("airbyte_hidden", true).put("description", "Longest wait between two bulk job polls (ms).");
    properties.putObject("base_url").put("type", "string").put("airbyte_hidden", true)
        .put("description", "Testing only: replaces the login URL (plain http allowed for localhost only).");
    return properties;
  }

  private static void clientFields(ObjectNode properties) {
    properties.putObject("client_id").put("type", "string").put("title", "Client ID")
        .put("description", "Consumer key of the External Client App.")
        .put("order", 1);
    properties.putObject("client_secret").put("type", "string").put("title", "Client secret")
        .put("description", "Consumer secret of the External Client App.").put("airbyte_secret", true)
        .put("order", 2);
  }
}
