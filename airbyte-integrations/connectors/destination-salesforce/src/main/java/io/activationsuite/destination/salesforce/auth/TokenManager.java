package io.activationsuite.destination.salesforce.auth;

import java.util.function.Consumer;

/**
 * Holds the current access token of a session and refreshes it single-flight: when many writers see
 * the same expired token at once, only the first one asks for a new token, the others reuse it. A
 * rotated refresh token is handed to {@code onRotation} so the config can be persisted.
 */
public final class TokenManager {
  private final TokenClient client;
  private final Consumer<String> onRotation;
  private Credentials credentials;
  private AccessToken current;

  public TokenManager(TokenClient client, Credentials credentials, Consumer<String> onRotation) {
    this.client = client;
    this.credentials = credentials;
    this.onRotation = onRotation;
  }

  /** The current token, fetched on first use. */
  public synchronized AccessToken current() {
    if (current == null) {
      current = fetch();
    }
    return current;
  }

  /**
   * A token newer than {@code stale}: fetches one only if {@code stale} is still the current token
   * (another thread may already have refreshed it).
   */
  public synchronized AccessToken refresh(AccessToken stale) {
    if (current == null || current == stale) {
      current = fetch();
    }
    return current;
  }

  private AccessToken fetch() {
    TokenResponse response = client.exchange(credentials);
    if (response.rotatedRefreshToken() != null && credentials instanceof Credentials.RefreshToken old
        && !old.refreshToken().equals(response.rotatedRefreshToken())) {
      credentials = new Credentials.RefreshToken(old.clientId(), old.clientSecret(),
          response.rotatedRefreshToken());
      onRotation.accept(response.rotatedRefreshToken());
    }
    return response.accessToken();
  }
}
