package io.activationsuite.sink.http.auth;

import io.activationsuite.sink.http.Redactor;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import okhttp3.Credentials;
import okhttp3.Request;

/** HTTP basic auth (Zendesk {@code email/token:api_token}, self-hosted APIs). */
public final class BasicAuth implements RequestAuth {

  private final String headerValue;

  public BasicAuth(String username, String password) {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    this.headerValue = Credentials.basic(username, password, StandardCharsets.UTF_8);
  }

  @Override
  public Request authorize(Request request) {
    return request.newBuilder().header("Authorization", headerValue).build();
  }

  @Override
  public String toString() {
    return "BasicAuth[credentials=" + Redactor.MASK + "]";
  }
}
