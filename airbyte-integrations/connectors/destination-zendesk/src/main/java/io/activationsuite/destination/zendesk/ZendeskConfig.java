package io.activationsuite.destination.zendesk;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import io.activationsuite.protocol.errors.ConfigErrorException;
import io.activationsuite.sink.config.SpecField;
import io.activationsuite.sink.config.SpecGroup;
import io.activationsuite.sink.http.BaseUrls;
import java.time.Duration;
import java.util.Locale;

/**
 * The Zendesk connector's own config, from which its spec is generated: the account (subdomain, or the
 * hidden base URL of an emulator), credentials, and the request budget and job polling the connector keeps.
 *
 * @param subdomain the account's subdomain ({@code acme} for acme.zendesk.com)
 * @param plan the plan whose Support API limit the connector paces itself to
 * @param requestsPerMinute the budget the connector paces itself to (the plan's limit unless overridden)
 * @param baseUrl the API's base URL without a trailing slash (from the subdomain unless set)
 * @param jobPollIntervalMs how often running jobs are polled
 */
@SpecGroup(id = "advanced", title = "Advanced")
public record ZendeskConfig(
    @JsonProperty(value = "subdomain", required = true)
    @SpecField(title = "Subdomain", order = 0, pattern = "^[a-zA-Z0-9-]+$",
        description = "Your Zendesk subdomain: \"acme\" for https://acme.zendesk.com.")
    String subdomain,
    @JsonProperty(value = "credentials", required = true)
    @SpecField(title = "Authentication", order = 1)
    ZendeskCredentials credentials,
    @JsonProperty("plan")
    @SpecField(title = "Plan", order = 2, group = "advanced", defaultValue = "team",
        description = "Your Zendesk plan, whose Support API limit the connector paces itself to: Team 200, Growth"
            + " and Professional 400, Enterprise 700, Enterprise Plus or the High Volume API add-on 2,500 requests"
            + " per minute. The limit is shared by every app of the account.")
    Plan plan,
    @JsonProperty("requests_per_minute")
    @SpecField(title = "Requests per minute", order = 3, group = "advanced", minimum = 1,
        description = "Overrides the plan's limit, e.g. to leave room for other apps of the account.")
    Integer requestsPerMinute,
    @JsonProperty("base_url")
    @SpecField(title = "API base URL", order = 4, hidden = true,
        description = "Only change it to test against an emulator; the subdomain is used otherwise.")
    String baseUrl,
    @JsonProperty("job_poll_interval_ms")
    @SpecField(title = "Job poll interval (ms)", order = 5, group = "advanced", minimum = 10, defaultValue = "1000",
        description = "How often running Zendesk jobs are polled (one job_statuses/show_many request for up to 100"
            + " jobs).")
    Integer jobPollIntervalMs) {

  /** Zendesk plans and their account-wide Support API limit per minute. */
  public enum Plan {
    TEAM(200), GROWTH(400), PROFESSIONAL(400), ENTERPRISE(700), ENTERPRISE_PLUS(2_500), HIGH_VOLUME(2_500);

    private final int requestsPerMinute;

    Plan(int requestsPerMinute) {
      this.requestsPerMinute = requestsPerMinute;
    }

    /** The config value, e.g. {@code enterprise_plus}. */
    @JsonValue
    public String configValue() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Checks what the schema cannot: a usable subdomain, or an https base URL (plain http only on loopback). */
  public ZendeskConfig {
    plan = plan == null ? Plan.TEAM : plan;
    requestsPerMinute = requestsPerMinute == null || requestsPerMinute < 1 ? plan.requestsPerMinute
        : requestsPerMinute;
    jobPollIntervalMs = Math.max(10, jobPollIntervalMs == null ? 1_000 : jobPollIntervalMs);
    if (credentials == null) {
      throw new ConfigErrorException("credentials is required.");
    }
    if (baseUrl != null && !baseUrl.isBlank()) {
      String url = BaseUrls.require("base_url", baseUrl).toString();
      baseUrl = url.substring(0, url.length() - 1);
    } else {
      String name = subdomain == null ? "" : subdomain.trim().toLowerCase(Locale.ROOT);
      name = name.endsWith(".zendesk.com") ? name.substring(0, name.length() - ".zendesk.com".length()) : name;
      if (!name.matches("[a-z0-9][a-z0-9-]*")) {
        throw new ConfigErrorException("subdomain must be your Zendesk subdomain, e.g. \"acme\" for "
            + "acme.zendesk.com; got \"" + subdomain + "\"");
      }
      baseUrl = "https://" + name + ".zendesk.com";
    }
  }

  /** {@link #jobPollIntervalMs()} as a duration. */
  public Duration pollInterval() {
    return Duration.ofMillis(jobPollIntervalMs);
  }
}
