package io.activationsuite.sandbox;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Direct calls to the Slack emulator that tests use to check its state from outside the connector. */
public final class TestHttpAccess {

  private TestHttpAccess() {
  }

  /** Tries a refresh token at oauth.v2.access and returns the error code, or "ok". */
  public static String refresh(EmulatorServer slack, String refreshToken) throws Exception {
    String form = "grant_type=refresh_token&client_id=" + enc(slack.credentials().get("client_id"))
        + "&client_secret=" + enc(slack.credentials().get("client_secret")) + "&refresh_token=" + enc(refreshToken);
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(slack.url("/api/oauth.v2.access")))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
      String body = response.body();
      return body.contains("\"ok\":true") ? "ok" : body.replaceAll(".*\"error\":\"([^\"]+)\".*", "$1");
    }
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
