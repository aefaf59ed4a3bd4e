package io.activationsuite.destination.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.activationsuite.protocol.errors.ConfigErrorException;
import io.activationsuite.protocol.errors.TransientErrorException;
import io.activationsuite.protocol.secrets.SecretRedactor;
import java.io.IOException;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * OAuth access tokens from HubSpot's token endpoint ({@code POST /oauth/v1/token},
 * {@code grant_type=refresh_token}): refreshed a minute before {@code expires_in} runs out and after a
 * 401, one refresh at a time. A rotated refresh token is handed to {@code onRefreshTokenRotated} so the
 * platform can persist it.
 */
public final class OAuthAccessTokens implements AccessTokens {

  private static final long EARLY_REFRESH_MILLIS = 60_000;

  private final OkHttpClient client;
  private final HttpUrl tokenUrl;
  private final HubSpotCredentials.OAuth credentials;
  private final ObjectMapper mapper;
  private final LongSupplier nowMillis;
  private final Consumer<String> onRefreshTokenRotated;
  private String refreshToken;
  private String accessToken;
  private long expiresAt;

  public OAuthAccessTokens(OkHttpClient client, HttpUrl baseUrl, HubSpotCredentials.OAuth credentials,
      ObjectMapper mapper, LongSupplier nowMillis, Consumer<String> onRefreshTokenRotated) {
    this.client = client;
    this.tokenUrl = baseUrl.newBuilder().addPathSegments("oauth/v1/token").build();
    this.credentials = credentials;
    this.mapper = mapper;
    this.nowMillis = nowMillis;
    this.onRefreshTokenRotated = onRefreshTokenRotated;
    this.refreshToken = credentials.refreshToken();
  }

  @Override
  public synchronized String current() throws IOException {
    if (accessToken == null || nowMillis.getAsLong() >= expiresAt - EARLY_REFRESH_MILLIS) {
      refresh();
    }
    return accessToken;
  }

  @Override
  public synchronized boolean renewAfterRejection(String rejected) throws IOException {
    if (accessToken != null && !accessToken.equals(rejected)) {
      return true; // another thread already refreshed
    }
    refresh();
    return !accessToken.equals(rejected);
  }

  private void refresh() throws IOException {
    FormBody form = new FormBody.Builder()
        .add("grant_type", "refresh_token")
        .add("client_id", credentials.clientId())
        .add("client_secret", credentials.clientSecret())
        .add("refresh_token", refreshToken)
        .build();
    Request request = new Request.Builder().url(tokenUrl).post(form).build();
    try (Response response = client.newCall(request).execute()) {
      ResponseBody body = response.body();
      JsonNode json = body == null ? mapper.createObjectNode() : parse(body.string());
      if (response.code() == 400 || response.code() == 401 || response.code() == 403) {
        throw new ConfigErrorException("HubSpot refused to refresh the OAuth access token (HTTP "
            + response.code() + ": " + json.path("message").asText("no message")
            + "). Check the client ID and secret, or reconnect the account for a new refresh token.");
      }
      if (!response.isSuccessful() || !json.hasNonNull("access_token")) {
        throw new TransientErrorException("HubSpot's token endpoint failed (HTTP " + response.code() + ")");
      }
      accessToken = json.get("access_token").asText();
      SecretRedactor.register(accessToken);
      expiresAt = nowMillis.getAsLong() + json.path("expires_in").asLong(1800) * 1000;
      String rotated = json.path("refresh_token").asText(null);
      if (rotated != null && !rotated.equals(refreshToken)) {
        SecretRedactor.register(rotated);
        refreshToken = rotated;
        onRefreshTokenRotated.accept(rotated);
      }
    }
  }

  private JsonNode parse(String text) {
    try {
      return mapper.readTree(text);
    } catch (IOException e) {
      return mapper.createObjectNode();
    }
  }
}
