package io.activationsuite.sink.http.auth;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * Everything needed to obtain OAuth 2 access tokens from a token endpoint.
 *
 * @param tokenUrl the token endpoint (validate user-supplied ones with {@code BaseUrls})
 * @param clientId the client id
 * @param clientSecret the client secret (may be empty for public clients)
 * @param grant the grant used
 * @param extraParams additional form fields sent to the token endpoint (e.g. {@code audience})
 * @param clientAuth how client credentials are sent
 * @param refreshSkew how long before expiry a token is renewed
 */
public record OAuth2Settings(HttpUrl tokenUrl, String clientId, String clientSecret, OAuth2Grant grant,
    Map<String, String> extraParams, ClientAuthMethod clientAuth, Duration refreshSkew) {

  public OAuth2Settings {
    Objects.requireNonNull(tokenUrl, "tokenUrl");
    Objects.requireNonNull(clientId, "clientId");
    clientSecret = clientSecret == null ? "" : clientSecret;
    Objects.requireNonNull(grant, "grant");
    extraParams = Map.copyOf(extraParams == null ? Map.of() : extraParams);
    clientAuth = clientAuth == null ? ClientAuthMethod.REQUEST_BODY : clientAuth;
    refreshSkew = refreshSkew == null ? Duration.ofSeconds(60) : refreshSkew;
  }

  /** Refresh-token grant, client credentials in the body, 60 s skew. */
  public static OAuth2Settings refreshToken(HttpUrl tokenUrl, String clientId, String clientSecret,
      String refreshToken) {
    return new OAuth2Settings(tokenUrl, clientId, clientSecret, new OAuth2Grant.RefreshToken(refreshToken),
        Map.of(), ClientAuthMethod.REQUEST_BODY, null);
  }

  /** Client-credentials grant, client credentials in the body, 60 s skew. */
  public static OAuth2Settings clientCredentials(HttpUrl tokenUrl, String clientId, String clientSecret,
      String scope) {
    return new OAuth2Settings(tokenUrl, clientId, clientSecret, new OAuth2Grant.ClientCredentials(scope),
        Map.of(), ClientAuthMethod.REQUEST_BODY, null);
  }

  /** A copy with extra form fields. */
  public OAuth2Settings withExtraParams(Map<String, String> params) {
    return new OAuth2Settings(tokenUrl, clientId, clientSecret, grant, params, clientAuth, refreshSkew);
  }

  /** A copy with another client authentication method. */
  public OAuth2Settings withClientAuth(ClientAuthMethod method) {
    return new OAuth2Settings(tokenUrl, clientId, clientSecret, grant, extraParams, method, refreshSkew);
  }

  /** A copy with another refresh skew. */
  public OAuth2Settings withRefreshSkew(Duration skew) {
    return new OAuth2Settings(tokenUrl, clientId, clientSecret, grant, extraParams, clientAuth, skew);
  }

  @Override
  public String toString() {
    return "OAuth2Settings[tokenUrl=" + tokenUrl + ", clientId=" + clientId + ", grant="
        + grant.getClass().getSimpleName() + "]";
  }
}
