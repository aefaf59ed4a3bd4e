package io.activationsuite.sandbox.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sandbox.FaultController;
import io.activationsuite.sandbox.Json;
import io.activationsuite.sandbox.SandboxRequest;
import io.activationsuite.sandbox.SandboxResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HubSpot authentication: the private-app bearer token, OAuth access tokens issued by
 * {@code POST /oauth/v1/token} (refresh-token grant) with a finite lifetime, token introspection
 * ({@code GET /oauth/v1/access-tokens/{token}}, {@code POST /oauth/v2/private-apps/get/access-token-info})
 * and scope checks. Thread-safe.
 */
final class HubSpotAuth {

  /** Who is calling. */
  record Principal(boolean oauth, String appId, Set<String> scopes) {
  }

  /** Either a principal or the 401/403 answer to send. */
  record Outcome(Principal principal, SandboxResponse refusal) {
  }

  private record IssuedToken(Instant expiresAt, Set<String> scopes) {
  }

  static final String PRIVATE_APP_ID = "1000001";
  static final String OAUTH_APP_ID = "2000002";
  private static final long USER_ID = 7_000_001L;

  private final HubSpotSettings settings;
  private final Clock clock;
  private final FaultController faults;
  private final Random random;
  private final HubSpotErrors errors;
  private final Map<String, IssuedToken> tokens = new ConcurrentHashMap<>();

  HubSpotAuth(HubSpotSettings settings, Clock clock, FaultController faults, Random random, HubSpotErrors errors) {
    this.settings = settings;
    this.clock = clock;
    this.faults = faults;
    this.random = random;
    this.errors = errors;
  }

  void reset() {
    tokens.clear();
  }

  void expireAll() {
    Instant now = clock.instant();
    tokens.replaceAll((k, t) -> t.expiresAt().isAfter(now) ? new IssuedToken(now, t.scopes()) : t);
  }

  /** Authenticates a request's bearer token. */
  Outcome authenticate(SandboxRequest request) {
    Optional<String> header = request.header("Authorization");
    if (header.isEmpty() || !header.get().regionMatches(true, 0, "Bearer ", 0, 7)) {
      return refusal(401, "INVALID_AUTHENTICATION", "Authentication credentials not found. This API supports "
          + "OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview");
    }
    String token = header.get().substring(7).trim();
    if (token.equals(settings.privateAppToken())) {
      return new Outcome(new Principal(false, PRIVATE_APP_ID, settings.privateAppScopes()), null);
    }
    IssuedToken issued = tokens.get(token);
    if (issued == null) {
      return refusal(401, "INVALID_AUTHENTICATION", "The access token provided is invalid or was not found. "
          + "Authentication credentials not found.");
    }
    Instant now = clock.instant();
    if (!now.isBefore(issued.expiresAt())) {
      long minutes = Duration.between(issued.expiresAt(), now).toMinutes();
      return refusal(401, "EXPIRED_AUTHENTICATION", "The OAuth token used to make this call expired "
          + minutes + " minute(s) ago.");
    }
    return new Outcome(new Principal(true, OAUTH_APP_ID, issued.scopes()), null);
  }

  /** 403 MISSING_SCOPES unless the principal holds one of {@code anyOf}. */
  Optional<SandboxResponse> requireScope(Principal principal, List<String> anyOf) {
    if (anyOf.stream().anyMatch(principal.scopes()::contains)) {
      return Optional.empty();
    }
    ObjectNode body = errors.body("MISSING_SCOPES", "This app hasn't been granted all required scopes to make "
        + "this call. Read more about required scopes here: https://developers.hubspot.com/scopes.",
        Map.of("requiredScopes", anyOf, "missingScopes", anyOf));
    body.putArray("errors").addObject().put("message", "One or more of the following scopes are required.")
        .putObject("context").set("requiredGranularScopes", Json.strings(anyOf));
    body.putObject("links").put("scopes", "https://developers.hubspot.com/scopes");
    return Optional.of(SandboxResponse.json(403, body));
  }

  /** {@code POST /oauth/v1/token}. */
  SandboxResponse token(SandboxRequest request) {
    Map<String, String> form = request.formParams();
    String grant = form.get("grant_type");
    if (!"refresh_token".equals(grant)) {
      return oauthError("BAD_GRANT_TYPE", "grant_type must be refresh_token (authorization_code is not "
          + "emulated)");
    }
    if (!settings.clientId().equals(form.get("client_id"))) {
      return oauthError("BAD_CLIENT_ID", "missing or unknown client_id");
    }
    if (!settings.clientSecret().equals(form.get("client_secret"))) {
      return oauthError("BAD_CLIENT_SECRET", "missing or invalid client_secret");
    }
    if (!settings.refreshToken().equals(form.get("refresh_token"))) {
      return oauthError("BAD_REFRESH_TOKEN", "missing or unknown refresh token");
    }
    Long override = faults.config().tokenLifetimeSeconds();
    long lifetime = override != null ? override : settings.accessTokenLifetimeSeconds();
    String accessToken = newToken();
    tokens.put(accessToken, new IssuedToken(clock.instant().plusSeconds(lifetime), settings.oauthScopes()));
    ObjectNode body = Json.object();
    body.put("token_type", "bearer").put("refresh_token", settings.refreshToken()).put("access_token", accessToken)
        .put("expires_in", lifetime);
    return SandboxResponse.json(200, body);
  }

  /** {@code GET /oauth/v1/access-tokens/{token}}. */
  SandboxResponse accessTokenInfo(String token) {
    IssuedToken issued = tokens.get(token);
    Instant now = clock.instant();
    if (issued == null || !now.isBefore(issued.expiresAt())) {
      return oauthError(404, "NOT_FOUND", "Access token not found or expired");
    }
    ObjectNode body = Json.object();
    body.put("token", token).put("user", "sandbox-user@example.com").put("hub_domain", "sandbox.hubspot.local")
        .set("scopes", Json.strings(new TreeSet<>(issued.scopes())));
    body.put("hub_id", settings.hubId()).put("app_id", Long.parseLong(OAUTH_APP_ID))
        .put("expires_in", Duration.between(now, issued.expiresAt()).toSeconds())
        .put("user_id", USER_ID).put("token_type", "access");
    return SandboxResponse.json(200, body);
  }

  /** {@code POST /oauth/v2/private-apps/get/access-token-info} with body {@code {"tokenKey": "..."}}. */
  SandboxResponse privateAppTokenInfo(SandboxRequest request) {
    JsonNode body;
    try {
      body = request.bodyJson();
    } catch (Json.MalformedJsonException e) {
      return errors.validation("Invalid input JSON: " + e.getMessage());
    }
    String key = body.path("tokenKey").asText("");
    if (!key.equals(settings.privateAppToken())) {
      return errors.response(401, "INVALID_AUTHENTICATION", "The private app token is invalid or was not found.",
          null);
    }
    ObjectNode info = Json.object();
    info.put("userId", USER_ID).put("hubId", settings.hubId()).put("appId", Long.parseLong(PRIVATE_APP_ID))
        .set("scopes", Json.strings(new TreeSet<>(settings.privateAppScopes())));
    return SandboxResponse.json(200, info);
  }

  private String newToken() {
    byte[] bytes = new byte[24];
    synchronized (random) {
      random.nextBytes(bytes);
    }
    return "sbx-oauth-" + HexFormat.of().formatHex(bytes);
  }

  private Outcome refusal(int status, String category, String message) {
    return new Outcome(null, errors.response(status, category, message, null));
  }

  private SandboxResponse oauthError(String status, String message) {
    return oauthError(400, status, message);
  }

  private SandboxResponse oauthError(int httpStatus, String status, String message) {
    ObjectNode body = Json.object();
    body.put("status", status).put("message", message).put("correlationId", errors.correlationId());
    return SandboxResponse.json(httpStatus, body);
  }
}
