package io.activationsuite.destination.braze;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The Braze spec properties: REST API key, instance (or custom REST endpoint) and optional request budgets.
 * Built by hand until the typed-config generator reaches the base; {@link BrazeConfig} parses the same names.
 */
public final class BrazeSpec {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private BrazeSpec() {
  }

  /** Names of the required properties. */
  public static List<String> required() {
    return List.of("api_key", "instance");
  }

  /** The JSON Schema properties. */
  public static ObjectNode properties() {
    ObjectNode properties = JSON.objectNode();
    property(properties, "api_key", "string", "REST API key", 0,
        "A REST API key of the workspace (Settings > APIs and Identifiers) with the permissions of the objects"
            + " you write: users.track, users.delete, subscription.status.set, custom_attributes.get.")
        .put("airbyte_secret", true);
    ObjectNode instance = property(properties, "instance", "string", "Instance", 1,
        "The Braze instance of the workspace (the REST endpoint shown under Settings > APIs and Identifiers),"
            + " or custom to give the REST endpoint URL.").put("default", "US-01");
    BrazeConfig.Instance.configValues().forEach(instance.putArray("enum")::add);
    property(properties, "custom_rest_endpoint", "string", "Custom REST endpoint", 2,
        "The REST endpoint URL when instance is custom, e.g. https://rest.iad-01.braze.com (https only).");
    budget(properties, "users_track_requests_per_3_seconds", "/users/track requests per 3 seconds", 3,
        BrazeConfig.TRACK_LIMIT);
    budget(properties, "user_requests_per_minute", "/users/delete requests per minute", 4, BrazeConfig.USER_LIMIT);
    budget(properties, "subscription_requests_per_minute", "Subscription status requests per minute", 5,
        BrazeConfig.SUBSCRIPTION_LIMIT);
    return properties;
  }

  private static void budget(ObjectNode properties, String name, String title, int order, int max) {
    property(properties, name, "integer", title, order, "Requests this connector may use (Braze's limit is shared"
        + " by the workspace's other integrations). Default: Braze's limit, " + max + ".")
        .put("minimum", 1).put("maximum", max).put("default", max).put("group", "advanced");
  }

  private static ObjectNode property(ObjectNode properties, String name, String type, String title, int order,
      String description) {
    return properties.putObject(name).put("type", type).put("title", title).put("description", description)
        .put("order", order);
  }
}
