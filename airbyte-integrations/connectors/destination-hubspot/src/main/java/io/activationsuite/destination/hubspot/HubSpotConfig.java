package io.activationsuite.destination.hubspot;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.sink.config.ConfigReader;
import io.activationsuite.sink.config.SpecField;
import io.activationsuite.sink.config.SpecGroup;
import io.activationsuite.sink.http.BaseUrls;
import java.net.URI;

/**
 * The HubSpot connector's own config, from which its spec is generated: credentials (private app token or
 * OAuth), the rate-limit tier and daily budget the connector paces itself to, and the hidden base URL used
 * to point at a local emulator.
 *
 * @param tier the subscription's burst limit
 * @param dailyRequestBudget requests the connector may use per day (null: unlimited, rely on 429 DAILY)
 * @param baseUrl the API's base URL, without a trailing slash
 */
@SpecGroup(id = "advanced", title = "Advanced")
public record HubSpotConfig(
    @JsonProperty(value = "credentials", required = true)
    @SpecField(title = "Authentication", order = 0,
        description = "A private app access token, or an OAuth app's client and refresh token.")
    HubSpotCredentials credentials,
    @JsonProperty("rate_limit_tier")
    @SpecField(title = "Rate limit tier", order = 1, group = "advanced", defaultValue = "professional_enterprise",
        description = "The HubSpot subscription's API limit per 10 seconds, which the connector paces itself to:"
            + " Free/Starter 100, Professional/Enterprise 190, with the API Limit Increase pack 250 requests per"
            + " 10 seconds.")
    RateLimitTier tier,
    @JsonProperty("daily_request_budget")
    @SpecField(title = "Daily request budget", order = 2, group = "advanced", minimum = 1,
        description = "Requests this connector may use per day (the account's daily limit is shared by every"
            + " app). Leave empty to use what HubSpot allows; the sync stops cleanly when the daily limit is"
            + " reached.")
    Long dailyRequestBudget,
    @JsonProperty("base_url")
    @SpecField(title = "API base URL", order = 3, hidden = true, defaultValue = HubSpotConfig.DEFAULT_BASE_URL,
        description = "HubSpot API base URL. Only change it to test against an emulator.")
    String baseUrl) {

  /** HubSpot's production API. */
  public static final String DEFAULT_BASE_URL = "https://api.hubapi.com";

  /** Checks what the schema cannot: https (plain http only on loopback). */
  public HubSpotConfig {
    String url = BaseUrls.require("base_url", baseUrl == null ? DEFAULT_BASE_URL : baseUrl).toString();
    baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** Reads a (schema-valid) config; a config that cannot work (bad URL, empty token) is a config error. */
  public static HubSpotConfig from(JsonNode config) {
    return ConfigReader.read(config, HubSpotConfig.class);
  }

  /** {@link #baseUrl()} as a URI. */
  public URI baseUri() {
    return URI.create(baseUrl);
  }
}
