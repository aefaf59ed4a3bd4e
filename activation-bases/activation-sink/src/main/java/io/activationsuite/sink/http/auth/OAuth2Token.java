package io.activationsuite.sink.http.auth;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An access token and the full token response it came from, so connectors can read provider
 * extras such as Salesforce's {@code instance_url}. Its {@code toString} never shows secrets.
 *
 * @param accessToken the access token
 * @param tokenType the token type as the provider answered it, normally {@code Bearer}; not always an HTTP
 *     scheme (see {@link #scheme()})
 * @param issuedAt when the token was received
 * @param expiresAt when the token expires, or null when the provider does not say
 * @param refreshToken the refresh token returned with it, or null
 * @param response the raw token response
 */
public record OAuth2Token(String accessToken, String tokenType, Instant issuedAt, Instant expiresAt,
    String refreshToken, JsonNode response) {

  /** Token types (lower case) that name an HTTP scheme other than Bearer. */
  private static final Map<String, String> OTHER_SCHEMES = Map.of("dpop", "DPoP");

  public OAuth2Token {
    Objects.requireNonNull(accessToken, "accessToken");
    Objects.requireNonNull(issuedAt, "issuedAt");
    tokenType = tokenType == null || tokenType.isBlank() ? "Bearer" : tokenType;
  }

  /** A top-level text field of the token response (e.g. {@code instance_url}). */
  public Optional<String> field(String name) {
    JsonNode node = response == null ? null : response.get(name);
    return node == null || node.isNull() ? Optional.empty() : Optional.of(node.asText());
  }

  /**
   * The HTTP authentication scheme the token is sent with: {@code Bearer} (RFC 6750), whatever label the
   * provider put in {@code token_type} (Slack answers {@code bot} or {@code user}, some providers {@code N_A});
   * only a type that names another scheme the base knows ({@code DPoP}, RFC 9449) is sent as that scheme.
   */
  public String scheme() {
    return OTHER_SCHEMES.getOrDefault(tokenType.toLowerCase(Locale.ROOT), "Bearer");
  }

  /** The value for the {@code Authorization} header: the {@link #scheme()} and the access token. */
  public String authorizationHeader() {
    return scheme() + " " + accessToken;
  }

  @Override
  public String toString() {
    return "OAuth2Token[tokenType=" + tokenType + ", issuedAt=" + issuedAt + ", expiresAt=" + expiresAt + "]";
  }
}
