package io.activationsuite.sandbox.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sandbox.FaultController;
import io.activationsuite.sandbox.Json;
import io.activationsuite.sandbox.SandboxRequest;
import io.activationsuite.sandbox.SandboxResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Zendesk authentication: API tokens ({@code Basic base64(email/token:api_token)}), OAuth access tokens
 * from {@code POST /oauth/tokens} (refresh-token grant with rotation: a refresh answers a new pair and
 * revokes the old one; client-credentials grant), token expiry, {@code GET /api/v2/oauth/tokens/current}
 * and scope checks ({@code read}/{@code write} or resource-qualified {@code users:write}...). Thread-safe.
 */
final class ZendeskAuth {

  /** Who is calling: its scopes, and whether it uses an OAuth token (null id for API tokens). */
  record Principal(String tokenId, Set<String> scopes) {
    boolean oauth() {
      return tokenId != null;
    }
  }

  /** Either a principal or the refusal to answer. */
  record Outcome(Principal principal, SandboxResponse refusal) {
  }

  private record AccessToken(String id, Instant expiresAt, Set<String> scopes, String refreshToken) {
  }

  private record RefreshToken(Instant expiresAt, Set<String> scopes) {
  }

  private final ZendeskSettings settings;
  private final Clock clock;
  private final FaultController faults;
  private final Random random;
  private final Map<String, AccessToken> accessTokens = new ConcurrentHashMap<>();
  private final Map<String, RefreshToken> refreshTokens = new ConcurrentHashMap<>();
  private volatile String latestRefreshToken;
  private long tokenIds;

  ZendeskAuth(ZendeskSettings settings, Clock clock, FaultController faults, Random random) {
    this.settings = settings;
    this.clock = clock;
    this.faults = faults;
    this.random = random;
    reset();
  }

  synchronized void reset() {
    accessTokens.clear();
    refreshTokens.clear();
    refreshTokens.put(settings.refreshToken(), new RefreshToken(
        clock.instant().plusSeconds(settings.refreshTokenLifetimeSeconds()), settings.scopes()));
    latestRefreshToken = settings.refreshToken();
    tokenIds = 0;
  }

  /** The refresh token that is valid now (the last one issued). */
  String latestRefreshToken() {
    return latestRefreshToken;
  }

  void expireAll() {
    Instant now = clock.instant();
    accessTokens.replaceAll((k, t) -> t.expiresAt().isAfter(now)
        ? new AccessToken(t.id(), now, t.scopes(), t.refreshToken()) : t);
  }

  /** Authenticates a Basic API-token or Bearer OAuth request. */
  Outcome authenticate(SandboxRequest request) {
    Optional<String> header = request.header("Authorization");
    if (header.isEmpty()) {
      return new Outcome(null, ZendeskErrors.unauthenticated());
    }
    String value = header.get();
    if (value.regionMatches(true, 0, "Basic ", 0, 6)) {
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(value.substring(6).trim()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return new Outcome(null, ZendeskErrors.unauthenticated());
      }
      String expected = settings.email() + "/token:" + settings.apiToken();
      return decoded.equalsIgnoreCase(expected) && decoded.endsWith(settings.apiToken())
          ? new Outcome(new Principal(null, Set.of("read", "write")), null)
          : new Outcome(null, ZendeskErrors.unauthenticated());
    }
    if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
      AccessToken token = accessTokens.get(value.substring(7).trim());
      if (token == null || !clock.instant().isBefore(token.expiresAt())) {
        return new Outcome(null, ZendeskErrors.invalidToken());
      }
      return new Outcome(new Principal(token.id(), token.scopes()), null);
    }
    return new Outcome(null, ZendeskErrors.unauthenticated());
  }

  /** A 403 unless the principal may {@code access} ("read" or "write") the resource. */
  Optional<SandboxResponse> require(Principal principal, String resource, String access) {
    Set<String> scopes = principal.scopes();
    boolean granted = scopes.contains(access) || scopes.contains(resource + ":" + access)
        || (access.equals("read") && (scopes.contains("write") || scopes.contains(resource + ":write")));
    return granted ? Optional.empty() : Optional.of(ZendeskErrors.forbidden(resource + ":" + access));
  }

  /** {@code GET /api/v2/oauth/tokens/current}. */
  SandboxResponse current(Principal principal) {
    if (!principal.oauth()) {
      return ZendeskErrors.notFound();
    }
    AccessToken token = accessTokens.values().stream().filter(t -> t.id().equals(principal.tokenId()))
        .findFirst().orElse(null);
    if (token == null) {
      return ZendeskErrors.invalidToken();
    }
    ObjectNode body = Json.object();
    ObjectNode t = body.putObject("token");
    t.put("id", Long.parseLong(token.id())).put("client_id", 1)
        .put("expires_at", token.expiresAt().toString()).put("token", "*****")
        .set("scopes", Json.strings(token.scopes()));
    return SandboxResponse.json(200, body);
  }

  /** {@code POST /oauth/tokens} with a JSON or form body. */
  synchronized SandboxResponse token(SandboxRequest request) {
    Map<String, String> params = params(request);
    String grant = params.getOrDefault("grant_type", "");
    if (!settings.clientId().equals(params.get("client_id"))
        || !settings.clientSecret().equals(params.get("client_secret"))) {
      return ZendeskErrors.oauth(401, "invalid_client", "Client authentication failed due to unknown client, "
          + "no client authentication included, or unsupported authentication method.");
    }
    Set<String> requested = params.containsKey("scope") ? split(params.get("scope")) : null;
    Instant now = clock.instant();
    return switch (grant) {
      case "refresh_token" -> {
        String presented = params.getOrDefault("refresh_token", "");
        RefreshToken refresh = refreshTokens.get(presented);
        if (refresh == null || !now.isBefore(refresh.expiresAt())) {
          yield ZendeskErrors.oauth(400, "invalid_grant", "The provided authorization grant is invalid, "
              + "expired, revoked, does not match the redirection URI used in the authorization request, or "
              + "was issued to another client.");
        }
        refreshTokens.remove(presented);
        accessTokens.values().removeIf(t -> presented.equals(t.refreshToken()));
        yield issue(refresh.scopes(), true, params);
      }
      case "client_credentials" -> {
        Set<String> scopes = requested == null ? settings.scopes() : requested;
        if (!settings.scopes().containsAll(scopes)) {
          yield ZendeskErrors.oauth(400, "invalid_scope",
              "The requested scope is invalid, unknown, or malformed.");
        }
        yield issue(scopes, false, params);
      }
      default -> ZendeskErrors.oauth(400, "unsupported_grant_type",
          "The authorization grant type is not supported by the authorization server.");
    };
  }

  private SandboxResponse issue(Set<String> scopes, boolean withRefresh, Map<String, String> params) {
    Instant now = clock.instant();
    Long override = faults.config().tokenLifetimeSeconds();
    long lifetime = override != null ? override
        : params.containsKey("expires_in") ? Long.parseLong(params.get("expires_in"))
        : settings.accessTokenLifetimeSeconds();
    long refreshLifetime = params.containsKey("refresh_token_expires_in")
        ? Long.parseLong(params.get("refresh_token_expires_in")) : settings.refreshTokenLifetimeSeconds();
    String access = newToken("zd-access-");
    String refresh = withRefresh ? newToken("zd-refresh-") : null;
    accessTokens.put(access, new AccessToken(Long.toString(++tokenIds), now.plusSeconds(lifetime), scopes,
        refresh));
    ObjectNode body = Json.object();
    body.put("access_token", access).put("token_type", "bearer").put("scope", String.join(" ", scopes))
        .put("expires_in", lifetime);
    if (refresh != null) {
      refreshTokens.put(refresh, new RefreshToken(now.plusSeconds(refreshLifetime), scopes));
      latestRefreshToken = refresh;
      body.put("refresh_token", refresh).put("refresh_token_expires_in", refreshLifetime);
    }
    return SandboxResponse.json(200, body);
  }

  private static Map<String, String> params(SandboxRequest request) {
    if (request.header("Content-Type").orElse("").contains("json")) {
      Map<String, String> params = new LinkedHashMap<>();
      try {
        JsonNode body = request.bodyJson();
        body.fields().forEachRemaining(e -> params.put(e.getKey(),
            e.getValue().isArray() ? joined(e.getValue()) : e.getValue().asText()));
      } catch (Json.MalformedJsonException e) {
        return Map.of();
      }
      return params;
    }
    return request.formParams();
  }

  private static String joined(JsonNode array) {
    StringBuilder text = new StringBuilder();
    array.forEach(v -> text.append(text.isEmpty() ? "" : " ").append(v.asText()));
    return text.toString();
  }

  private static Set<String> split(String text) {
    Set<String> scopes = new LinkedHashSet<>();
    for (String s : text.split("[\\s,]+")) {
      if (!s.isBlank()) {
        scopes.add(s);
      }
    }
    return scopes;
  }

  private String newToken(String prefix) {
    byte[] bytes = new byte[20];
    synchronized (random) {
      random.nextBytes(bytes);
    }
    return prefix + HexFormat.of().formatHex(bytes);
  }
}
