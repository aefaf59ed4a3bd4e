package io.activationsuite.sandbox.slack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sandbox.FaultController;
import io.activationsuite.sandbox.Json;
import io.activationsuite.sandbox.SandboxRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slack authentication: the static bot token, rotating access tokens ({@code xoxe.xoxb-...}, 12 h) issued
 * by {@code oauth.v2.access} with {@code grant_type=refresh_token} from single-use refresh tokens, and
 * scope checks answering {@code missing_scope} with {@code needed}/{@code provided}. Tokens come from
 * {@code Authorization: Bearer} or a {@code token} parameter. Thread-safe.
 */
final class SlackAuth {

  /** Who is calling: the granted scopes. */
  record Principal(Set<String> scopes) {
  }

  private final SlackSettings settings;
  private final Clock clock;
  private final FaultController faults;
  private final Random random;
  private final Map<String, Instant> accessTokens = new ConcurrentHashMap<>();
  private final Set<String> refreshTokens = ConcurrentHashMap.newKeySet();

  SlackAuth(SlackSettings settings, Clock clock, FaultController faults, Random random) {
    this.settings = settings;
    this.clock = clock;
    this.faults = faults;
    this.random = random;
    reset();
  }

  void reset() {
    accessTokens.clear();
    refreshTokens.clear();
    refreshTokens.add(settings.refreshToken());
  }

  void expireAll() {
    Instant now = clock.instant();
    accessTokens.replaceAll((token, expiry) -> expiry.isAfter(now) ? now : expiry);
  }

  /** The principal, or the Slack error code refusing the call. */
  SlackResult<Principal> authenticate(SandboxRequest request, SlackParams params) {
    Optional<String> header = request.header("Authorization");
    String token = null;
    if (header.isPresent() && header.get().regionMatches(true, 0, "Bearer ", 0, 7)) {
      token = header.get().substring(7).trim();
    } else if (params.text("token") != null) {
      token = params.text("token");
    }
    if (token == null || token.isEmpty()) {
      return SlackResult.error("not_authed");
    }
    if (token.equals(settings.botToken())) {
      return SlackResult.ok(new Principal(settings.scopes()));
    }
    Instant expiry = accessTokens.get(token);
    if (expiry == null) {
      return SlackResult.error("invalid_auth");
    }
    if (!clock.instant().isBefore(expiry)) {
      return SlackResult.error("token_expired");
    }
    return SlackResult.ok(new Principal(settings.scopes()));
  }

  /** {@code missing_scope} unless the principal holds {@code needed}. */
  Optional<ObjectNode> requireScope(Principal principal, String needed) {
    if (principal.scopes().contains(needed)) {
      return Optional.empty();
    }
    ObjectNode error = SlackResult.errorBody("missing_scope");
    error.put("needed", needed).put("provided", String.join(",", new TreeSet<>(principal.scopes())));
    return Optional.of(error);
  }

  /** {@code oauth.v2.access} (refresh-token grant; the authorization-code grant is not emulated). */
  ObjectNode oauthV2Access(SandboxRequest request, SlackParams params) {
    String clientId = params.text("client_id");
    String clientSecret = params.text("client_secret");
    Optional<String> basic = request.header("Authorization")
        .filter(h -> h.regionMatches(true, 0, "Basic ", 0, 6));
    if (basic.isPresent()) {
      String decoded = new String(Base64.getDecoder().decode(basic.get().substring(6).trim()),
          StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      clientId = colon < 0 ? decoded : decoded.substring(0, colon);
      clientSecret = colon < 0 ? "" : decoded.substring(colon + 1);
    }
    if (!"refresh_token".equals(params.text("grant_type"))) {
      return SlackResult.errorBody(params.text("grant_type") == null && params.text("code") != null
          ? "invalid_code" : "invalid_grant_type");
    }
    if (!settings.clientId().equals(clientId)) {
      return SlackResult.errorBody("invalid_client_id");
    }
    if (!settings.clientSecret().equals(clientSecret)) {
      return SlackResult.errorBody("bad_client_secret");
    }
    String refresh = params.text("refresh_token");
    if (refresh == null || !refreshTokens.remove(refresh)) {
      return SlackResult.errorBody("invalid_refresh_token");
    }
    Long override = faults.config().tokenLifetimeSeconds();
    long lifetime = override != null ? override : settings.accessTokenLifetimeSeconds();
    String access = "xoxe.xoxb-1-" + randomHex(24);
    String next = "xoxe-1-" + randomHex(32);
    accessTokens.put(access, clock.instant().plusSeconds(lifetime));
    refreshTokens.add(next);
    SlackIdentity id = SlackIdentity.SANDBOX;
    ObjectNode body = Json.object();
    body.put("ok", true).put("app_id", id.appId());
    body.putObject("authed_user").put("id", "U0ALICE0001");
    body.put("scope", String.join(",", new TreeSet<>(settings.scopes()))).put("token_type", "bot")
        .put("access_token", access).put("bot_user_id", id.botUserId()).put("refresh_token", next)
        .put("expires_in", lifetime);
    body.putObject("team").put("id", id.teamId()).put("name", id.teamName());
    body.putNull("enterprise");
    body.put("is_enterprise_install", false);
    return body;
  }

  private String randomHex(int bytes) {
    byte[] b = new byte[bytes];
    synchronized (random) {
      random.nextBytes(b);
    }
    return HexFormat.of().formatHex(b);
  }
}
