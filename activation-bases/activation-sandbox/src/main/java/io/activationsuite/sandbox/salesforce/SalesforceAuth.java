package io.activationsuite.sandbox.salesforce;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The org's OAuth side: registered client apps (connected / external client apps), refresh tokens,
 * issued sessions with a lifetime, and knobs to revoke tokens, expire sessions, or take API access away
 * from the integration user. Secrets never appear in exception messages. Thread-safe.
 */
public final class SalesforceAuth {
  /** Organization id used in identity URLs. */
  public static final String ORG_ID = SalesforceIds.to18("00D8s0000000001");

  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, ClientApp> clients = new ConcurrentHashMap<>();
  private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();
  private final Map<String, Instant> sessions = new ConcurrentHashMap<>();
  private final Supplier<Duration> sessionLifetime;
  private volatile boolean apiEnabled = true;

  /**
   * A registered client app.
   *
   * @param clientId consumer key
   * @param clientSecret consumer secret
   * @param clientCredentialsEnabled whether the client credentials flow has a run-as user
   */
  public record ClientApp(String clientId, String clientSecret, boolean clientCredentialsEnabled) {
    @Override
    public String toString() {
      return "ClientApp[clientId=" + clientId + ", clientSecret=***, clientCredentialsEnabled="
          + clientCredentialsEnabled + "]";
    }
  }

  /** Auth state whose session lifetime is read from {@code sessionLifetime} on every check. */
  public SalesforceAuth(Clock clock, Supplier<Duration> sessionLifetime) {
    this.clock = clock;
    this.sessionLifetime = sessionLifetime;
  }

  /** Registers (or replaces) a client app. */
  public void registerClient(String clientId, String clientSecret, boolean clientCredentialsEnabled) {
    clients.put(clientId, new ClientApp(clientId, clientSecret, clientCredentialsEnabled));
  }

  /** Adds a valid refresh token for {@code clientId}. */
  public void addRefreshToken(String clientId, String refreshToken) {
    refreshTokens.put(refreshToken, clientId);
  }

  /** Revokes a refresh token: later refreshes fail with invalid_grant. */
  public void revokeRefreshToken(String refreshToken) {
    refreshTokens.remove(refreshToken);
  }

  /** Every issued access token becomes invalid now. */
  public void expireAllSessions() {
    sessions.clear();
  }

  /** Whether the user may call the API; false makes API calls fail with API_DISABLED_FOR_ORG. */
  public void apiEnabled(boolean enabled) {
    this.apiEnabled = enabled;
  }

  public boolean apiEnabled() {
    return apiEnabled;
  }

  /** Issues a session for a registered client without an OAuth round trip (test setup shortcut). */
  public String issueSession() {
    String token = ORG_ID.substring(0, 15) + "!AQ" + randomToken(48);
    sessions.put(token, clock.instant());
    return token;
  }

  /** Whether {@code accessToken} names a live session. */
  public boolean isValidSession(String accessToken) {
    if (accessToken == null) {
      return false;
    }
    Instant issued = sessions.get(accessToken);
    if (issued == null) {
      return false;
    }
    if (!clock.instant().isBefore(issued.plus(sessionLifetime.get()))) {
      sessions.remove(accessToken);
      return false;
    }
    return true;
  }

  /**
   * Handles a token request's form parameters.
   *
   * @throws OAuthError for every failure, in Salesforce's shape
   */
  public TokenResponse token(Map<String, String> form, String instanceUrl) {
    String grantType = form.get("grant_type");
    if (grantType == null) {
      throw new OAuthError(400, "unsupported_grant_type", "grant type not supported");
    }
    ClientApp client = switch (grantType) {
      case "refresh_token" -> refresh(form);
      case "client_credentials" -> clientCredentials(form);
      default -> throw new OAuthError(400, "unsupported_grant_type", "grant type not supported");
    };
    String accessToken = issueSession();
    String issuedAt = Long.toString(clock.millis());
    String id = instanceUrl + "/id/" + ORG_ID + "/" + RecordStore.INTEGRATION_USER_ID;
    return new TokenResponse(accessToken, instanceUrl, id, "Bearer", issuedAt,
        sign(id + issuedAt, client.clientSecret()), "api refresh_token");
  }

  private ClientApp refresh(Map<String, String> form) {
    ClientApp client = authenticate(form);
    String token = form.get("refresh_token");
    String owner = token == null ? null : refreshTokens.get(token);
    if (owner == null || !owner.equals(client.clientId())) {
      throw new OAuthError(400, "invalid_grant", "expired access/refresh token");
    }
    return client;
  }

  private ClientApp clientCredentials(Map<String, String> form) {
    ClientApp client = authenticate(form);
    if (!client.clientCredentialsEnabled()) {
      throw new OAuthError(400, "invalid_grant", "no client credentials user enabled");
    }
    return client;
  }

  private ClientApp authenticate(Map<String, String> form) {
    ClientApp client = Optional.ofNullable(form.get("client_id")).map(clients::get)
        .orElseThrow(() -> new OAuthError(400, "invalid_client_id", "client identifier invalid"));
    String secret = form.get("client_secret");
    if (secret == null || !MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8),
        client.clientSecret().getBytes(StandardCharsets.UTF_8))) {
      throw new OAuthError(400, "invalid_client", "invalid client credentials");
    }
    return client;
  }

  private String randomToken(int length) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._";
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  private static String sign(String data, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
