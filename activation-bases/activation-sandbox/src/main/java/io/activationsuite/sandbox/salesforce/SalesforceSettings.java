package io.activationsuite.sandbox.salesforce;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Start-up settings of the Salesforce emulator, read from the sandbox vendor properties
 * ({@code -D salesforce.key=value} on the CLI, {@code "salesforce.key=value"} in {@code @SandboxTest}).
 *
 * @param clientId consumer key of the registered client app ({@code clientId})
 * @param clientSecret its secret ({@code clientSecret})
 * @param refreshToken a valid refresh token for it ({@code refreshToken})
 * @param clientCredentialsEnabled whether the client credentials flow works ({@code clientCredentials})
 * @param dailyApiRequests daily API request allocation ({@code dailyApiRequests})
 * @param sessionLifetime access token lifetime ({@code sessionLifetimeSeconds})
 * @param bulkProfile Bulk processing speed ({@code bulkProfile=realistic|instant}, {@code bulkTimeScale},
 *     {@code bulkStartDelayMillis}, {@code bulkRecordsPerSecond}, {@code bulkChunkSize})
 * @param maxUploadBytes largest accepted Bulk upload ({@code maxUploadBytes})
 */
public record SalesforceSettings(String clientId, String clientSecret, String refreshToken,
    boolean clientCredentialsEnabled, long dailyApiRequests, Duration sessionLifetime,
    BulkProcessingProfile bulkProfile, long maxUploadBytes) {

  /** Default client id. */
  public static final String DEFAULT_CLIENT_ID = "sandbox-client-id";
  /** Default client secret (a sandbox value, not a real secret). */
  public static final String DEFAULT_CLIENT_SECRET = "sandbox-client-secret";
  /** Default refresh token (a sandbox value). */
  public static final String DEFAULT_REFRESH_TOKEN = "sandbox-refresh-token";
  /** Default daily allocation: an Enterprise org's base. */
  public static final long DEFAULT_DAILY_API_REQUESTS = 100_000;
  /** Default upload limit: 100 MB raw CSV (150 MB once base64-encoded, as Salesforce counts it). */
  public static final long DEFAULT_MAX_UPLOAD_BYTES = 100L * 1024 * 1024;

  /** Reads the settings, falling back to defaults for absent keys. */
  public static SalesforceSettings from(Map<String, String> properties) {
    BulkProcessingProfile base = switch (properties.getOrDefault("bulkProfile", "realistic")
        .toLowerCase(Locale.ROOT)) {
      case "instant" -> BulkProcessingProfile.instant();
      case "realistic" -> BulkProcessingProfile.realistic();
      default -> throw new IllegalArgumentException("bulkProfile must be realistic or instant");
    };
    BulkProcessingProfile profile = new BulkProcessingProfile(
        Duration.ofMillis(longOf(properties, "bulkStartDelayMillis", base.startDelay().toMillis())),
        Double.parseDouble(properties.getOrDefault("bulkRecordsPerSecond", Double.toString(base.recordsPerSecond()))),
        (int) longOf(properties, "bulkChunkSize", base.chunkSize()));
    double scale = Double.parseDouble(properties.getOrDefault("bulkTimeScale", "1"));
    return new SalesforceSettings(
        properties.getOrDefault("clientId", DEFAULT_CLIENT_ID),
        properties.getOrDefault("clientSecret", DEFAULT_CLIENT_SECRET),
        properties.getOrDefault("refreshToken", DEFAULT_REFRESH_TOKEN),
        Boolean.parseBoolean(properties.getOrDefault("clientCredentials", "true")),
        longOf(properties, "dailyApiRequests", DEFAULT_DAILY_API_REQUESTS),
        Duration.ofSeconds(longOf(properties, "sessionLifetimeSeconds", 7_200)),
        scale == 1 ? profile : profile.scaled(scale),
        longOf(properties, "maxUploadBytes", DEFAULT_MAX_UPLOAD_BYTES));
  }

  private static long longOf(Map<String, String> properties, String key, long fallback) {
    String value = properties.get(key);
    return value == null ? fallback : Long.parseLong(value.trim());
  }

  @Override
  public String toString() {
    return "SalesforceSettings[clientId=" + clientId + ", clientSecret=***, refreshToken=***, dailyApiRequests="
        + dailyApiRequests + ", bulkProfile=" + bulkProfile + "]";
  }
}
