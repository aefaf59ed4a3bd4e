package io.activationsuite.sandbox.zendesk;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Account and app configuration of the Zendesk emulator: plan (rate limit), the agent's email and API
 * token, the OAuth client (id, secret, first refresh token, scopes, token lifetimes), whether bulk user
 * import is enabled, and the job workers' speed. Defaults are well-known sandbox values the CLI prints.
 *
 * @param plan plan whose requests-per-minute limit applies
 * @param subdomain account subdomain (used in job URLs only as a label)
 * @param email the admin's email for API-token (Basic) auth
 * @param apiToken the accepted API token
 * @param clientId OAuth client id
 * @param clientSecret OAuth client secret
 * @param refreshToken the first valid refresh token (each refresh rotates it)
 * @param scopes scopes granted to OAuth tokens
 * @param accessTokenLifetimeSeconds lifetime of access tokens
 * @param refreshTokenLifetimeSeconds lifetime of refresh tokens
 * @param bulkImportEnabled whether {@code users/create_many} and {@code create_or_update_many} are allowed
 * @param jobProfile job worker speed
 */
public record ZendeskSettings(
    ZendeskPlan plan, String subdomain, String email, String apiToken, String clientId, String clientSecret,
    String refreshToken, Set<String> scopes, long accessTokenLifetimeSeconds, long refreshTokenLifetimeSeconds,
    boolean bulkImportEnabled, JobProfile jobProfile) {

  /** Every scope the emulator checks. */
  public static final Set<String> ALL_SCOPES = Set.of("read", "write");

  /** Copies the scope set and checks the values. */
  public ZendeskSettings {
    scopes = Set.copyOf(scopes);
    if (accessTokenLifetimeSeconds <= 0 || refreshTokenLifetimeSeconds <= 0) {
      throw new IllegalArgumentException("token lifetimes must be positive");
    }
  }

  /** Enterprise plan, sandbox credentials, read and write scopes, bulk import enabled, instant jobs. */
  public static ZendeskSettings defaults() {
    return new ZendeskSettings(ZendeskPlan.ENTERPRISE, "sandbox", "admin@sandbox.example",
        "sandbox-zendesk-api-token-0001", "sandbox-zendesk-client", "sandbox-zendesk-secret",
        "sandbox-zendesk-refresh-0001", ALL_SCOPES, 3600, 30L * 24 * 3600, true, JobProfile.instant());
  }

  /**
   * Settings from vendor properties (CLI {@code --set zendesk.KEY=VALUE}): {@code plan}, {@code subdomain},
   * {@code email}, {@code api-token}, {@code client-id}, {@code client-secret}, {@code refresh-token},
   * {@code scopes} (comma-separated), {@code token-lifetime}, {@code refresh-token-lifetime} (seconds),
   * {@code bulk-import} ({@code true}/{@code false}), {@code jobs} ({@link JobProfile#parse}).
   */
  public static ZendeskSettings fromProperties(Map<String, String> p) {
    ZendeskSettings d = defaults();
    return new ZendeskSettings(
        p.containsKey("plan") ? ZendeskPlan.parse(p.get("plan")) : d.plan(),
        p.getOrDefault("subdomain", d.subdomain()),
        p.getOrDefault("email", d.email()),
        p.getOrDefault("api-token", d.apiToken()),
        p.getOrDefault("client-id", d.clientId()),
        p.getOrDefault("client-secret", d.clientSecret()),
        p.getOrDefault("refresh-token", d.refreshToken()),
        p.containsKey("scopes") ? scopes(p.get("scopes")) : d.scopes(),
        p.containsKey("token-lifetime") ? Long.parseLong(p.get("token-lifetime")) : d.accessTokenLifetimeSeconds(),
        p.containsKey("refresh-token-lifetime") ? Long.parseLong(p.get("refresh-token-lifetime"))
            : d.refreshTokenLifetimeSeconds(),
        p.containsKey("bulk-import") ? Boolean.parseBoolean(p.get("bulk-import")) : d.bulkImportEnabled(),
        p.containsKey("jobs") ? JobProfile.parse(p.get("jobs")) : d.jobProfile());
  }

  /** A copy with other OAuth scopes. */
  public ZendeskSettings withScopes(Set<String> value) {
    return new ZendeskSettings(plan, subdomain, email, apiToken, clientId, clientSecret, refreshToken, value,
        accessTokenLifetimeSeconds, refreshTokenLifetimeSeconds, bulkImportEnabled, jobProfile);
  }

  /** A copy with another job profile. */
  public ZendeskSettings withJobProfile(JobProfile value) {
    return new ZendeskSettings(plan, subdomain, email, apiToken, clientId, clientSecret, refreshToken, scopes,
        accessTokenLifetimeSeconds, refreshTokenLifetimeSeconds, bulkImportEnabled, value);
  }

  /** A copy with another plan. */
  public ZendeskSettings withPlan(ZendeskPlan value) {
    return new ZendeskSettings(value, subdomain, email, apiToken, clientId, clientSecret, refreshToken, scopes,
        accessTokenLifetimeSeconds, refreshTokenLifetimeSeconds, bulkImportEnabled, jobProfile);
  }

  private static Set<String> scopes(String csv) {
    return Arrays.stream(csv.split("[,\\s]+")).filter(s -> !s.isBlank())
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }
}
