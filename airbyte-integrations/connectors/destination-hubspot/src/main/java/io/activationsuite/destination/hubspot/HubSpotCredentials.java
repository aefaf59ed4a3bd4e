package io.activationsuite.destination.hubspot;

/**
 * How the connector authenticates to HubSpot: a private (static) app access token, or an OAuth app's
 * refresh token exchanged for short-lived access tokens.
 */
public sealed interface HubSpotCredentials {

  /** A private app's access token, sent as a bearer token. */
  record PrivateApp(String accessToken) implements HubSpotCredentials {
    @Override
    public String toString() {
      return "PrivateApp[accessToken=***]";
    }
  }

  /** An OAuth app's client and a refresh token of the portal's installation. */
  record OAuth(String clientId, String clientSecret, String refreshToken) implements HubSpotCredentials {
    @Override
    public String toString() {
      return "OAuth[clientId=" + clientId + ", clientSecret=***, refreshToken=***]";
    }
  }
}
