package io.activationsuite.destination.hubspot;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.activationsuite.sink.config.ConfigChecks;
import io.activationsuite.sink.config.SpecField;
import io.activationsuite.sink.config.SpecObject;

/**
 * How the connector authenticates to HubSpot: a private (static) app access token, or an OAuth app's
 * refresh token exchanged for short-lived access tokens. {@code auth_type} tells which.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "auth_type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = HubSpotCredentials.PrivateApp.class, name = "private_app"),
    @JsonSubTypes.Type(value = HubSpotCredentials.OAuth.class, name = "oauth2")})
@SpecObject(discriminatorDefault = true)
public sealed interface HubSpotCredentials {

  /** A private app's access token, sent as a bearer token. */
  @SpecObject(title = "Private app access token")
  record PrivateApp(
      @JsonProperty(value = "access_token", required = true)
      @SpecField(title = "Access token", secret = true, order = 1,
          description = "The private app's access token (Settings > Integrations > Private apps).")
      String accessToken) implements HubSpotCredentials {

    /** Requires a token. */
    public PrivateApp {
      accessToken = ConfigChecks.nonBlank(accessToken, "credentials.access_token");
    }

    @Override
    public String toString() {
      return "PrivateApp[accessToken=***]";
    }
  }

  /** An OAuth app's client and a refresh token of the portal's installation. */
  @SpecObject(title = "OAuth")
  record OAuth(
      @JsonProperty(value = "client_id", required = true)
      @SpecField(title = "Client ID", order = 1, description = "The OAuth app's client ID.")
      String clientId,
      @JsonProperty(value = "client_secret", required = true)
      @SpecField(title = "Client secret", secret = true, order = 2, description = "The OAuth app's client secret.")
      String clientSecret,
      @JsonProperty(value = "refresh_token", required = true)
      @SpecField(title = "Refresh token", secret = true, order = 3,
          description = "A refresh token of the app's installation in the HubSpot account.")
      String refreshToken) implements HubSpotCredentials {

    /** Requires every part. */
    public OAuth {
      clientId = ConfigChecks.nonBlank(clientId, "credentials.client_id");
      clientSecret = ConfigChecks.nonBlank(clientSecret, "credentials.client_secret");
      refreshToken = ConfigChecks.nonBlank(refreshToken, "credentials.refresh_token");
    }

    @Override
    public String toString() {
      return "OAuth[clientId=" + clientId + ", clientSecret=***, refreshToken=***]";
    }
  }
}
