package io.activationsuite.sandbox.hubspot;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Account and app configuration of the HubSpot emulator: rate-limit tier, the valid private-app token
 * and its scopes, the OAuth app (client id/secret, refresh token, scopes, access-token lifetime) and
 * the account (hub) id. Defaults are well-known sandbox values the CLI prints.
 *
 * @param tier rate-limit tier
 * @param hubId account id reported by introspection and used in custom object names
 * @param privateAppToken the accepted private-app bearer token
 * @param privateAppScopes scopes granted to the private app
 * @param clientId OAuth client id
 * @param clientSecret OAuth client secret
 * @param refreshToken the accepted OAuth refresh token
 * @param oauthScopes scopes granted to OAuth access tokens
 * @param accessTokenLifetimeSeconds lifetime of issued OAuth access tokens (HubSpot: 1800)
 */
public record HubSpotSettings(
    RateLimitTier tier, long hubId, String privateAppToken, Set<String> privateAppScopes, String clientId,
    String clientSecret, String refreshToken, Set<String> oauthScopes, long accessTokenLifetimeSeconds) {

  /** Every scope the emulator checks, granted by default. */
  public static final Set<String> ALL_SCOPES = Set.of(
      "crm.objects.contacts.read", "crm.objects.contacts.write",
      "crm.objects.companies.read", "crm.objects.companies.write",
      "crm.objects.deals.read", "crm.objects.deals.write",
      "tickets", "e-commerce",
      "crm.objects.custom.read", "crm.objects.custom.write",
      "crm.schemas.contacts.read", "crm.schemas.companies.read", "crm.schemas.deals.read",
      "crm.schemas.custom.read", "crm.objects.owners.read", "oauth");

  /** Sandbox default private-app token. */
  public static final String DEFAULT_PRIVATE_APP_TOKEN = "pat-na1-sandbox-0000-0000-000000000001";
  /** Sandbox default OAuth client id. */
  public static final String DEFAULT_CLIENT_ID = "sandbox-client-id";
  /** Sandbox default OAuth client secret. */
  public static final String DEFAULT_CLIENT_SECRET = "sandbox-client-secret";
  /** Sandbox default OAuth refresh token. */
  public static final String DEFAULT_REFRESH_TOKEN = "sandbox-refresh-token";
  /** Sandbox default hub id. */
  public static final long DEFAULT_HUB_ID = 12_345_678L;

  /** Copies the scope sets and checks the values. */
  public HubSpotSettings {
    privateAppScopes = Set.copyOf(privateAppScopes);
    oauthScopes = Set.copyOf(oauthScopes);
    if (accessTokenLifetimeSeconds <= 0) {
      throw new IllegalArgumentException("access token lifetime must be positive");
    }
  }

  /** Enterprise tier, sandbox credentials, every scope granted, 30-minute access tokens. */
  public static HubSpotSettings defaults() {
    return new HubSpotSettings(RateLimitTier.ENTERPRISE, DEFAULT_HUB_ID, DEFAULT_PRIVATE_APP_TOKEN, ALL_SCOPES,
        DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, DEFAULT_REFRESH_TOKEN, ALL_SCOPES, 1800);
  }

  /**
   * Settings from vendor properties (CLI {@code --set hubspot.KEY=VALUE}, {@code @SandboxTest} properties):
   * {@code tier}, {@code hub-id}, {@code private-app-token}, {@code private-app-scopes} (comma-separated),
   * {@code client-id}, {@code client-secret}, {@code refresh-token}, {@code oauth-scopes},
   * {@code token-lifetime} (seconds). Unset keys keep the defaults.
   */
  public static HubSpotSettings fromProperties(Map<String, String> p) {
    HubSpotSettings d = defaults();
    return new HubSpotSettings(
        p.containsKey("tier") ? RateLimitTier.parse(p.get("tier")) : d.tier(),
        p.containsKey("hub-id") ? Long.parseLong(p.get("hub-id")) : d.hubId(),
        p.getOrDefault("private-app-token", d.privateAppToken()),
        p.containsKey("private-app-scopes") ? scopes(p.get("private-app-scopes")) : d.privateAppScopes(),
        p.getOrDefault("client-id", d.clientId()),
        p.getOrDefault("client-secret", d.clientSecret()),
        p.getOrDefault("refresh-token", d.refreshToken()),
        p.containsKey("oauth-scopes") ? scopes(p.get("oauth-scopes")) : d.oauthScopes(),
        p.containsKey("token-lifetime") ? Long.parseLong(p.get("token-lifetime")) : d.accessTokenLifetimeSeconds());
  }

  /** A copy with another tier. */
  public HubSpotSettings withTier(RateLimitTier value) {
    return new HubSpotSettings(value, hubId, privateAppToken, privateAppScopes, clientId, clientSecret,
        refreshToken, oauthScopes, accessTokenLifetimeSeconds);
  }

  /** A copy whose private app holds only these scopes. */
  public HubSpotSettings withPrivateAppScopes(Set<String> value) {
    return new HubSpotSettings(tier, hubId, privateAppToken, value, clientId, clientSecret, refreshToken,
        oauthScopes, accessTokenLifetimeSeconds);
  }

  /** A copy whose OAuth tokens hold only these scopes. */
  public HubSpotSettings withOauthScopes(Set<String> value) {
    return new HubSpotSettings(tier, hubId, privateAppToken, privateAppScopes, clientId, clientSecret,
        refreshToken, value, accessTokenLifetimeSeconds);
  }

  /** A copy with another OAuth access-token lifetime. */
  public HubSpotSettings withAccessTokenLifetimeSeconds(long value) {
    return new HubSpotSettings(tier, hubId, privateAppToken, privateAppScopes, clientId, clientSecret,
        refreshToken, oauthScopes, value);
  }

  private static Set<String> scopes(String csv) {
    return Arrays.stream(csv.split("[,\\s]+")).filter(s -> !s.isBlank())
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }
}
