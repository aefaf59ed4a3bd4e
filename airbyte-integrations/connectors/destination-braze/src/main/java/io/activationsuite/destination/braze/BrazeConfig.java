package io.activationsuite.destination.braze;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.protocol.errors.ConfigErrorException;
import io.activationsuite.sink.http.BaseUrls;
import java.util.Arrays;
import java.util.List;
import okhttp3.HttpUrl;

/**
 * The Braze part of a config, parsed once: the REST API key, the REST endpoint of the workspace's instance
 * (or a custom URL) and the request budgets the connector paces itself to per endpoint class.
 *
 * @param apiKey REST API key (secret)
 * @param restEndpoint base URL of the instance's REST API
 * @param trackRequestsPer3Seconds budget of {@code /users/track}
 * @param userRequestsPerMinute budget of {@code /users/delete} and the alias endpoints
 * @param subscriptionRequestsPerMinute budget of {@code /v2/subscription/status/set}
 */
public record BrazeConfig(String apiKey, HttpUrl restEndpoint, int trackRequestsPer3Seconds,
    int userRequestsPerMinute, int subscriptionRequestsPerMinute) {

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
    public String configValue() {
      return this == CUSTOM ? "custom" : name().replace('_', '-');
    }

    static List<String> configValues() {
      return Arrays.stream(values()).map(Instance::configValue).toList();
    }
  }

  /** Budgets Braze documents per workspace. */
  public static final int TRACK_LIMIT = 3_000;
  /** Shared by /users/delete, /users/alias/new, /users/identify, /users/merge. */
  public static final int USER_LIMIT = 20_000;
  /** /v2/subscription/status/set. */
  public static final int SUBSCRIPTION_LIMIT = 5_000;

  @Override
  public String toString() {
    return "BrazeConfig[apiKey=***, restEndpoint=" + restEndpoint + "]";
  }

  /** Reads a schema-valid config; what cannot work is a config error naming the field. */
  public static BrazeConfig from(JsonNode config) {
    String key = config.path("api_key").asText("").trim();
    if (key.isEmpty()) {
      throw new ConfigErrorException("api_key is required: create a REST API key in Braze under Settings > APIs"
          + " and Identifiers.");
    }
    String value = config.path("instance").asText(Instance.US_01.configValue());
    Instance instance = Arrays.stream(Instance.values()).filter(i -> i.configValue().equalsIgnoreCase(value))
        .findFirst().orElseThrow(() -> new ConfigErrorException("instance must be one of "
            + Instance.configValues() + ", got \"" + value + "\""));
    HttpUrl endpoint = instance == Instance.CUSTOM
        ? BaseUrls.require("custom_rest_endpoint", config.path("custom_rest_endpoint").asText(null))
        : HttpUrl.get("https://" + instance.host + "/");
    return new BrazeConfig(key, endpoint,
        budget(config, "users_track_requests_per_3_seconds", TRACK_LIMIT),
        budget(config, "user_requests_per_minute", USER_LIMIT),
        budget(config, "subscription_requests_per_minute", SUBSCRIPTION_LIMIT));
  }

  private static int budget(JsonNode config, String field, int max) {
    JsonNode node = config.path(field);
    if (node.isMissingNode() || node.isNull()) {
      return max;
    }
    if (!node.canConvertToInt() || node.asInt() < 1 || node.asInt() > max) {
      throw new ConfigErrorException(field + " must be a whole number from 1 to " + max + " (Braze's limit)");
    }
    return node.asInt();
  }
}
