package io.activationsuite.sink.http.auth;

import java.util.Objects;
import okhttp3.Request;

/** Authorises requests with the current OAuth 2 access token and renews it once after a 401. */
public final class OAuth2Auth implements RequestAuth {

  private final OAuth2TokenProvider tokens;

  public OAuth2Auth(OAuth2TokenProvider tokens) {
    this.tokens = Objects.requireNonNull(tokens, "tokens");
  }

  @Override
  public Request authorize(Request request) throws InterruptedException {
    return request.newBuilder().header("Authorization", tokens.token().authorizationHeader()).build();
  }

  @Override
  public boolean renewAfterUnauthorized(Request sent) throws InterruptedException {
    String header = sent.header("Authorization");
    String rejected = header == null ? "" : header.substring(header.indexOf(' ') + 1);
    tokens.renew(rejected);
    return true;
  }

  /** The provider, e.g. to read the token response. */
  public OAuth2TokenProvider tokens() {
    return tokens;
  }
}
