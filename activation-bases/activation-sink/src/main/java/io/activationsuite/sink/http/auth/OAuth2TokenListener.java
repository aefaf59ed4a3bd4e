package io.activationsuite.sink.http.auth;

/**
 * Hears about new tokens: connectors read provider extras (Salesforce {@code instance_url}) and the
 * runner persists a rotated refresh token (an Airbyte CONTROL message updating the config).
 */
public interface OAuth2TokenListener {

  /** A new access token was obtained. */
  default void onToken(OAuth2Token token) {
  }

  /** The provider rotated the refresh token: the old one is no longer valid; persist this one. */
  default void onRefreshTokenRotated(String newRefreshToken) {
  }
}
