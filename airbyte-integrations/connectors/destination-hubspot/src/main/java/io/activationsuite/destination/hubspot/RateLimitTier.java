package io.activationsuite.destination.hubspot;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/**
 * HubSpot's per-app burst limits by subscription tier (requests per rolling 10 seconds). The connector
 * paces itself to the chosen tier so that it never relies on 429s to find the limit.
 */
public enum RateLimitTier {
  FREE_STARTER("free_starter", 100),
  PROFESSIONAL_ENTERPRISE("professional_enterprise", 190),
  API_LIMIT_INCREASE("api_limit_increase", 250);

  private final String configValue;
  private final int requestsPerTenSeconds;

  RateLimitTier(String configValue, int requestsPerTenSeconds) {
    this.configValue = configValue;
    this.requestsPerTenSeconds = requestsPerTenSeconds;
  }

  /** The tier's name in the config (and spec). */
  @JsonValue
  public String configValue() {
    return configValue;
  }

  public int requestsPerTenSeconds() {
    return requestsPerTenSeconds;
  }

  /** The tier for a config value, e.g. {@code professional_enterprise}. */
  public static RateLimitTier fromConfig(String value) {
    return Arrays.stream(values())
        .filter(t -> t.configValue.equals(value))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown rate limit tier: " + value));
  }
}
