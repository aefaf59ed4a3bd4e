package io.activationsuite.destination.braze;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.protocol.errors.ConfigErrorException;
import io.activationsuite.sink.config.ConfigChecks;
import io.activationsuite.sink.config.ConfigReader;
import io.activationsuite.sink.config.SpecField;
import io.activationsuite.sink.config.SpecGroup;
import io.activationsuite.sink.http.BaseUrls;
import okhttp3.HttpUrl;

/**
 * The Braze connector's own config, from which its spec is generated: the REST API key, the workspace's
 * instance (or a custom REST endpoint) and the request budgets the connector paces itself to per endpoint
 * class (default: Braze's limits).
 *
 * @param apiKey REST API key (secret)
 * @param instance the instance whose REST endpoint is used
 * @param customRestEndpoint the REST endpoint when {@code instance} is {@code custom}
 * @param trackRequestsPer3Seconds budget of {@code /users/track}
 * @param userRequestsPerMinute budget of {@code /users/delete} and the alias endpoints
 * @param subscriptionRequestsPerMinute budget of {@code /v2/subscription/status/set}
 */
@SpecGroup(id = "advanced", title = "Advanced")
public record BrazeConfig(
    @JsonProperty(value = "api_key", required = true)
    @SpecField(title = "REST API key", order = 0, secret = true,
        description = "A REST API key of the workspace (Settings > APIs and Identifiers) with the permissions of"
            + " the objects you write: users.track, users.delete, subscription.status.set, custom_attributes.get.")
    String apiKey,
    @JsonProperty(value = "instance", required = true)
    @SpecField(title = "Instance", order = 1, defaultValue = "US-01",
        description = "The Braze instance of the workspace (its REST endpoint is shown under Settings > APIs and"
            + " Identifiers), or custom to give the REST endpoint URL.")
    Instance instance,
    @JsonProperty("custom_rest_endpoint")
    @SpecField(title = "Custom REST endpoint", order = 2,
        description = "The REST endpoint URL when instance is custom, e.g. https://rest.iad-01.braze.com (https"
            + " only).")
    String customRestEndpoint,
    @JsonProperty("users_track_requests_per_3_seconds")
    @SpecField(title = "/users/track requests per 3 seconds", order = 3, group = "advanced", minimum = 1,
        maximum = TRACK_LIMIT, defaultValue = "3000", description = BUDGET)
    Integer trackRequestsPer3Seconds,
    @JsonProperty("user_requests_per_minute")
    @SpecField(title = "/users/delete requests per minute", order = 4, group = "advanced", minimum = 1,
        maximum = USER_LIMIT, defaultValue = "20000", description = BUDGET)
    Integer userRequestsPerMinute,
    @JsonProperty("subscription_requests_per_minute")
    @SpecField(title = "Subscription status requests per minute", order = 5, group = "advanced", minimum = 1,
        maximum = SUBSCRIPTION_LIMIT, defaultValue = "5000", description = BUDGET)
    Integer subscriptionRequestsPerMinute) {

  /** Braze's /users/track limit per workspace. */
  public static final int TRACK_LIMIT = 3_000;
  /** Shared by /users/delete, /users/alias/new, /users/identify, /users/merge. */
  public static final int USER_LIMIT = 20_000;
  /** /v2/subscription/status/set. */
  public static final int SUBSCRIPTION_LIMIT = 5_000;
  private static final String BUDGET = "Requests this connector may use (Braze's limit is shared by the"
      + " workspace's other integrations). Default: Braze's limit.";

  /** Braze's instances and their REST endpoints; {@code custom} takes {@code custom_rest_endpoint}. */
  public enum Instance {
    US_01("rest.iad-01.braze.com"), US_02("rest.iad-02.braze.com"), US_03("rest.iad-03.braze.com"),
    US_04("rest.iad-04.braze.com"), US_05("rest.iad-05.braze.com"), US_06("rest.iad-06.braze.com"),
    US_07("rest.iad-07.braze.com"), US_08("rest.iad-08.braze.com"), EU_01("rest.fra-01.braze.eu"),
    EU_02("rest.fra-02.braze.eu"), AU_01("rest.au-01.braze.com"), CUSTOM(null);

    private final String host;

    Instance(String host) {
      this.host = host;
    }

    /** The config value, e.g. {@code US-01}. */
    @JsonValue
    public String configValue() {
      return this == CUSTOM ? "custom" : name().replace('_', '-');
    }
  }

  /** Checks what the schema cannot: a key, an https endpoint for custom (plain http only on loopback). */
  public BrazeConfig {
    apiKey = ConfigChecks.nonBlank(apiKey, "api_key");
    instance = instance == null ? Instance.US_01 : instance;
    if (instance == Instance.CUSTOM) {
      BaseUrls.require("custom_rest_endpoint", customRestEndpoint);
    }
    trackRequestsPer3Seconds = budget(trackRequestsPer3Seconds, TRACK_LIMIT, "users_track_requests_per_3_seconds");
    userRequestsPerMinute = budget(userRequestsPerMinute, USER_LIMIT, "user_requests_per_minute");
    subscriptionRequestsPerMinute = budget(subscriptionRequestsPerMinute, SUBSCRIPTION_LIMIT,
        "subscription_requests_per_minute");
  }

  /** Reads a config; what cannot work is a config error naming the field. */
  public static BrazeConfig from(JsonNode config) {
    return ConfigReader.read(config, BrazeConfig.class);
  }

  /** The REST endpoint of the instance, ending with {@code /}. */
  public HttpUrl restEndpoint() {
    return instance == Instance.CUSTOM ? BaseUrls.require("custom_rest_endpoint", customRestEndpoint)
        : HttpUrl.get("https://" + instance.host + "/");
  }

  @Override
  public String toString() {
    return "BrazeConfig[apiKey=***, instance=" + instance.configValue() + "]";
  }

  private static int budget(Integer value, int max, String field) {
    if (value == null) {
      return max;
    }
    if (value < 1 || value > max) {
      throw new ConfigErrorException(field + " must be a whole number from 1 to " + max + " (Braze's limit)");
    }
    return value;
  }
}
