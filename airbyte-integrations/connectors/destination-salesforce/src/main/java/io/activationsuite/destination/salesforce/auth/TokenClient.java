package io.activationsuite.destination.salesforce.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.activationsuite.protocol.errors.ConfigErrorException;
import io.activationsuite.protocol.errors.TransientErrorException;
import java.io.IOException;
import java.net.UnknownHostException;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Exchanges the configured grant for an access token at {@code {login}/services/oauth2/token}. Wrong
 * credentials become a {@link ConfigErrorException} saying which part is wrong; an unreachable or
 * failing endpoint a {@link TransientErrorException} (unknown host: config error).
 */
public final class TokenClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final OkHttpClient http;
  private final String loginUrl;

  public TokenClient(OkHttpClient http, String loginUrl) {
    this.http = http;
    this.loginUrl = loginUrl;
  }

  /** One token exchange. */
  public TokenResponse exchange(Credentials credentials) {
    FormBody.Builder form = new FormBody.Builder()
        .add("client_id", credentials.clientId())
        .add("client_secret", credentials.clientSecret());
    switch (credentials) {
      case Credentials.RefreshToken refresh ->
          form.add("grant_type", "refresh_token").add("refresh_token", refresh.refreshToken());
      case Credentials.ClientCredentials ignored -> form.add("grant_type", "client_credentials");
    }
    Request request = new Request.Builder().url(loginUrl + "/services/oauth2/token")
        .header("Accept", "application/json").post(form.build()).build();
    try (Response response = http.newCall(request).execute()) {
      ResponseBody body = response.body();
      String text = body == null ? "" : body.string();
      JsonNode json = parse(text);
      if (response.isSuccessful() && json.hasNonNull("access_token") && json.hasNonNull("instance_url")) {
        String rotated = json.path("refresh_token").asText(null);
        String instance = json.get("instance_url").asText();
        instance = instance.endsWith("/") ? instance.substring(0, instance.length() - 1) : instance;
        return new TokenResponse(new AccessToken(json.get("access_token").asText(), instance), rotated);
      }
      if (response.code() >= 500 || response.code() == 429) {
        throw new TransientErrorException("The Salesforce login endpoint answered HTTP " + response.code()
            + "; try again later.");
      }
      if (json.hasNonNull("error")) {
        throw new ConfigErrorException(OAuthErrorMessages.describe(credentials,
            json.get("error").asText(), json.path("error_description").asText(null)));
      }
      throw new ConfigErrorException("The login URL " + loginUrl + " did not answer like a Salesforce token "
          + "endpoint (HTTP " + response.code() + "): check is_sandbox / login_url.");
    } catch (UnknownHostException e) {
      throw new ConfigErrorException("Unknown host in the Salesforce login URL " + loginUrl
          + ": check login_url (your My Domain) or is_sandbox.", e);
    } catch (IOException e) {
      throw new TransientErrorException("Could not reach the Salesforce login URL " + loginUrl + ": "
          + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
    }
  }

  private static JsonNode parse(String text) {
    try {
      return text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }
}
