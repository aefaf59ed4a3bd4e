package io.activationsuite.sink.http.auth;

import java.util.Objects;

/** Which OAuth 2 grant obtains access tokens. */
public sealed interface OAuth2Grant {

  /** The refresh-token grant (tokens obtained once through the authorization-code flow). */
  record RefreshToken(String refreshToken) implements OAuth2Grant {
    public RefreshToken {
      Objects.requireNonNull(refreshToken, "refreshToken");
    }

    @Override
    public String toString() {
      return "RefreshToken[refreshToken=[REDACTED]]";
    }
  }

  /** The client-credentials grant, with an optional scope (null: the client's default). */
  record ClientCredentials(String scope) implements OAuth2Grant {
  }
}
