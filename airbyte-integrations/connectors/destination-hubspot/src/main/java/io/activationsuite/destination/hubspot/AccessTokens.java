package io.activationsuite.destination.hubspot;

import java.io.IOException;

/**
 * Supplies the bearer token of every request: a private app's static token, or OAuth access tokens
 * refreshed before they expire and after a 401 (one refresh at a time, shared by all threads).
 */
public interface AccessTokens {

  /** A token believed valid now. */
  String current() throws IOException;

  /** Called after HubSpot answered 401 with {@code rejected}: true when a different token is now current. */
  boolean renewAfterRejection(String rejected) throws IOException;

  /** A private app token: never changes, cannot be renewed. */
  static AccessTokens fixed(String token) {
    return new AccessTokens() {
      @Override
      public String current() {
        return token;
      }

      @Override
      public boolean renewAfterRejection(String rejected) {
        return false;
      }
    };
  }
}
