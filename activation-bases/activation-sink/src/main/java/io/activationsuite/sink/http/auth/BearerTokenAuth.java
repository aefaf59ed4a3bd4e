package io.activationsuite.sink.http.auth;

import io.activationsuite.sink.http.Redactor;
import java.util.Objects;
import okhttp3.Request;

/** A static bearer token (HubSpot private-app token, Slack bot token, Braze REST key). */
public final class BearerTokenAuth implements RequestAuth {

  private final String headerValue;

  public BearerTokenAuth(String token) {
    Objects.requireNonNull(token, "token");
    if (token.isBlank()) {
      throw new IllegalArgumentException("token must not be blank");
    }
    this.headerValue = "Bearer " + token.strip();
  }

  @Override
  public Request authorize(Request request) {
    return request.newBuilder().header("Authorization", headerValue).build();
  }

  @Override
  public String toString() {
    return "BearerTokenAuth[token=" + Redactor.MASK + "]";
  }
}
