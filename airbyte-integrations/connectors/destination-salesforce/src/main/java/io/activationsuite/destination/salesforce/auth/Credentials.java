package io.activationsuite.destination.salesforce.auth;

/**
 * The OAuth grant the connector uses to obtain access tokens: a refresh token issued to the user by a
 * Connected or External Client App, or the client-credentials flow of an External Client App with a
 * run-as user.
 */
public sealed interface Credentials {

  /** The app's consumer key. */
  String clientId();

  /** The app's consumer secret. */
  String clientSecret();

  /** Refresh-token grant. */
  record RefreshToken(String clientId, String clientSecret, String refreshToken) implements Credentials {
    @Override
    public String toString() {
      return "RefreshToken[clientId=" + clientId + "]";
    }
  }

  /** Client-credentials grant (External Client Apps with a run-as user). */
  record ClientCredentials(String clientId, String clientSecret) implements Credentials {
    @Override
    public String toString() {
      return "ClientCredentials[clientId=" + clientId + "]";
    }
  }
}
