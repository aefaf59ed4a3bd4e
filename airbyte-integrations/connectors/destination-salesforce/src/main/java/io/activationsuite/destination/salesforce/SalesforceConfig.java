package io.activationsuite.destination.salesforce;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.destination.salesforce.auth.Credentials;
import io.activationsuite.protocol.errors.ConfigErrorException;
import io.activationsuite.sink.config.ConfigReader;
import io.activationsuite.sink.config.SpecField;
import io.activationsuite.sink.http.BaseUrls;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The Salesforce connector's own config, from which its spec is generated: OAuth credentials (refresh token
 * or client credentials), which login host to use, the API version and the advanced write settings. The
 * constructor checks what a schema cannot: a well-formed API version, plain http only on loopback.
 *
 * @param myDomainUrl the My Domain login URL, null when not given
 * @param apiVersion REST API version without the {@code v}, e.g. {@code 64.0}
 * @param bulkThreshold with {@link WriteStrategy#AUTO}, batches larger than this go through Bulk API 2.0
 * @param bulkMaxRecordsPerJob the most records one Bulk API 2.0 job carries
 * @param bulkPollMaxMillis the longest wait between two polls of a running bulk job
 * @param baseUrl testing only: replaces the login URL
 */
public record SalesforceConfig(
    @JsonProperty(value = "credentials", required = true)
    @SpecField(title = "Authentication", order = 0, description = "How the connector signs in: an External Client"
        + " App (or Connected App) with OAuth scopes 'api refresh_token'.")
    Credentials credentials,
    @JsonProperty("is_sandbox")
    @SpecField(title = "Sandbox org", order = 1, defaultValue = "false",
        description = "Sign in at test.salesforce.com (a sandbox org).")
    boolean isSandbox,
    @JsonProperty("login_url")
    @SpecField(title = "My Domain login URL", order = 2, pattern = "^https://.*$", description = "Your My Domain"
        + " URL, e.g. https://mycompany.my.salesforce.com. Overrides 'Sandbox org'. Required for the client"
        + " credentials flow.")
    String myDomainUrl,
    @JsonProperty("api_version")
    @SpecField(title = "API version", order = 3, defaultValue = SalesforceConfig.DEFAULT_API_VERSION,
        pattern = "^v?\\d{2,3}\\.0$", description = "Salesforce REST API version, e.g. 64.0.")
    String apiVersion,
    @JsonProperty("write_strategy")
    @SpecField(title = "Write strategy", order = 4, defaultValue = "auto", description = "auto: Bulk API 2.0 for"
        + " large batches and sObject Collections for small ones; bulk: always Bulk API 2.0; collections: always"
        + " sObject Collections (200 records per call).")
    WriteStrategy writeStrategy,
    @JsonProperty("bulk_threshold")
    @SpecField(title = "Bulk threshold", order = 5, minimum = 1,
        defaultValue = "" + SalesforceConfig.DEFAULT_BULK_THRESHOLD,
        description = "With the auto strategy, batches of more records than this use Bulk API 2.0.")
    int bulkThreshold,
    @JsonProperty("bulk_max_records_per_job")
    @SpecField(title = "Records per bulk job", order = 6, minimum = 1,
        defaultValue = "" + SalesforceConfig.DEFAULT_BULK_MAX_RECORDS,
        description = "The most records one Bulk API 2.0 job carries.")
    int bulkMaxRecordsPerJob,
    @JsonProperty("bulk_poll_max_millis")
    @SpecField(minimum = 10, hidden = true, description = "Longest wait between two bulk job polls (ms).")
    Integer bulkPollMaxMillis,
    @JsonProperty("base_url")
    @SpecField(hidden = true,
        description = "Testing only: replaces the login URL (plain http allowed for localhost only).")
    String baseUrl) {

  /** The API version used when the config names none. */
  public static final String DEFAULT_API_VERSION = "64.0";
  /** Salesforce's own recommendation: Bulk API 2.0 above about 2,000 records. */
  public static final int DEFAULT_BULK_THRESHOLD = 2_000;
  /** Records per Bulk job by default: large enough to keep job overhead small, small enough for memory. */
  public static final int DEFAULT_BULK_MAX_RECORDS = 50_000;
  /** Longest wait between two bulk job polls by default. */
  public static final int DEFAULT_POLL_MAX_MILLIS = 10_000;
  static final String PRODUCTION_LOGIN = "https://login.salesforce.com";
  static final String SANDBOX_LOGIN = "https://test.salesforce.com";
  private static final Pattern VERSION = Pattern.compile("\\d{2,3}\\.0");

  /** Validates and normalizes; throws {@link ConfigErrorException} with what to fix. */
  public SalesforceConfig {
    myDomainUrl = blankToNull(myDomainUrl) == null ? null : checkedUrl(myDomainUrl.trim(), "login_url");
    baseUrl = blankToNull(baseUrl) == null ? null : checkedUrl(baseUrl.trim(), "base_url");
    apiVersion = apiVersion(apiVersion == null ? DEFAULT_API_VERSION : apiVersion);
    writeStrategy = writeStrategy == null ? WriteStrategy.AUTO : writeStrategy;
    positive(bulkThreshold, "bulk_threshold");
    positive(bulkMaxRecordsPerJob, "bulk_max_records_per_job");
    if (bulkPollMaxMillis != null) {
      positive(bulkPollMaxMillis, "bulk_poll_max_millis");
    }
  }

  /** Reads and validates a (schema-valid) config. */
  public static SalesforceConfig from(JsonNode config) {
    return ConfigReader.read(config, SalesforceConfig.class);
  }

  /** Base URL of the OAuth token endpoint (no trailing slash): base URL, else My Domain, else by sandbox flag. */
  public String loginUrl() {
    if (baseUrl != null) {
      return baseUrl;
    }
    if (myDomainUrl != null) {
      return myDomainUrl;
    }
    return isSandbox ? SANDBOX_LOGIN : PRODUCTION_LOGIN;
  }

  /** The longest wait between two polls of a running bulk job. */
  public Duration bulkPollMax() {
    return Duration.ofMillis(bulkPollMaxMillis == null ? DEFAULT_POLL_MAX_MILLIS : bulkPollMaxMillis);
  }

  /** Accepts https anywhere and plain http only for loopback hosts (local tests and emulators). */
  static String checkedUrl(String value, String field) {
    String url = BaseUrls.require(field, value).toString();
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static String apiVersion(String value) {
    String version = value.trim().startsWith("v") ? value.trim().substring(1) : value.trim();
    if (!VERSION.matcher(version).matches()) {
      throw new ConfigErrorException("api_version must look like 64.0, got '" + value + "'.");
    }
    return version;
  }

  private static void positive(int value, String field) {
    if (value < 1) {
      throw new ConfigErrorException(field + " must be a positive integer.");
    }
  }
}
