package io.activationsuite.destination.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.destination.salesforce.auth.Credentials;
import io.activationsuite.protocol.errors.ConfigErrorException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The connector's own settings, read from the (schema-valid) config and checked for what a schema
 * cannot express: which login URL to use, a well-formed API version, plain http only on loopback.
 *
 * @param loginUrl base URL of the OAuth token endpoint (no trailing slash)
 * @param apiVersion REST API version without the {@code v}, e.g. {@code 64.0}
 * @param bulkThreshold with {@link WriteStrategy#AUTO}, batches larger than this go through Bulk API 2.0
 * @param bulkMaxRecordsPerJob the most records one Bulk API 2.0 job carries
 * @param bulkPollMax the longest wait between two polls of a running bulk job
 */
public record SalesforceConfig(
    Credentials credentials,
    String loginUrl,
    String apiVersion,
    WriteStrategy writeStrategy,
    int bulkThreshold,
    int bulkMaxRecordsPerJob,
    Duration bulkPollMax) {

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

  /** Reads and validates the config; throws {@link ConfigErrorException} with what to fix. */
  public static SalesforceConfig from(JsonNode config) {
    return new SalesforceConfig(
        credentials(config.path("credentials")),
        loginUrl(config),
        apiVersion(config.path("api_version").asText(DEFAULT_API_VERSION)),
        strategy(config.path("write_strategy").asText("auto")),
        positive(config, "bulk_threshold", DEFAULT_BULK_THRESHOLD),
        positive(config, "bulk_max_records_per_job", DEFAULT_BULK_MAX_RECORDS),
        Duration.ofMillis(positive(config, "bulk_poll_max_millis", DEFAULT_POLL_MAX_MILLIS)));
  }

  private static Credentials credentials(JsonNode node) {
    String type = node.path("auth_type").asText("oauth2_refresh_token");
    String clientId = required(node, "client_id");
    String clientSecret = required(node, "client_secret");
    return switch (type) {
      case "oauth2_refresh_token" -> new Credentials.RefreshToken(clientId, clientSecret,
          required(node, "refresh_token"));
      case "client_credentials" -> new Credentials.ClientCredentials(clientId, clientSecret);
      default -> throw new ConfigErrorException("Unknown credentials.auth_type '" + type
          + "': use oauth2_refresh_token or client_credentials.");
    };
  }

  private static String required(JsonNode node, String field) {
    String value = node.path(field).asText("").trim();
    if (value.isEmpty()) {
      throw new ConfigErrorException("credentials." + field + " is required.");
    }
    return value;
  }

  private static String loginUrl(JsonNode config) {
    String override = config.path("base_url").asText("").trim();
    if (!override.isEmpty()) {
      return checkedUrl(override, "base_url");
    }
    String custom = config.path("login_url").asText("").trim();
    if (!custom.isEmpty()) {
      return checkedUrl(custom, "login_url");
    }
    return config.path("is_sandbox").asBoolean(false) ? SANDBOX_LOGIN : PRODUCTION_LOGIN;
  }

  /** Accepts https anywhere and plain http only for loopback hosts (local tests and emulators). */
  static String checkedUrl(String value, String field) {
    URI uri;
    try {
      uri = URI.create(value);
    } catch (IllegalArgumentException e) {
      throw new ConfigErrorException(field + " is not a valid URL: " + value);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
      throw new ConfigErrorException(field + " must be an https URL such as https://mycompany.my.salesforce.com");
    }
    if (scheme.equals("http") && !isLoopback(uri.getHost())) {
      throw new ConfigErrorException(field + " must use https (plain http is only allowed for localhost).");
    }
    String text = uri.toString();
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }

  private static boolean isLoopback(String host) {
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (!bare.matches("[0-9.]+") && !bare.contains(":")) {
      return false;
    }
    try {
      return InetAddress.getByName(bare).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static String apiVersion(String value) {
    String version = value.trim().startsWith("v") ? value.trim().substring(1) : value.trim();
    if (!VERSION.matcher(version).matches()) {
      throw new ConfigErrorException("api_version must look like 64.0, got '" + value + "'.");
    }
    return version;
  }

  private static WriteStrategy strategy(String value) {
    try {
      return WriteStrategy.parse(value);
    } catch (IllegalArgumentException e) {
      throw new ConfigErrorException("write_strategy must be auto, bulk or collections, got '" + value + "'.");
    }
  }

  private static int positive(JsonNode config, String field, int fallback) {
    JsonNode node = config.path(field);
    if (node.isMissingNode() || node.isNull()) {
      return fallback;
    }
    if (!node.canConvertToInt() || node.asInt() < 1) {
      throw new ConfigErrorException(field + " must be a positive integer.");
    }
    return node.asInt();
  }
}
