package io.activationsuite.destination.salesforce.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.activationsuite.sink.config.ConfigChecks;
import io.activationsuite.sink.config.SpecField;
import io.activationsuite.sink.config.SpecObject;

/**
 * The OAuth grant the connector uses to obtain access tokens: a refresh token issued to the user by a
 * Connected or External Client App, or the client-credentials flow of an External Client App with a
 * run-as user. {@code auth_type} tells which.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "auth_type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Credentials.RefreshToken.class, name = "oauth2_refresh_token"),
    @JsonSubTypes.Type(value = Credentials.ClientCredentials.class, name = "client_credentials")})
public sealed interface Credentials {
  /** Spec description of the client ID. */
  String CLIENT_ID = "Consumer key of the External Client App.";
  /** Spec description of the client secret. */
  String CLIENT_SECRET = "Consumer secret of the External Client App.";

  /** The app's consumer key. */
  String clientId();

  /** The app's consumer secret. */
  String clientSecret();

  /** Refresh-token grant. */
  @SpecObject(title = "OAuth 2.0 refresh token")
  record RefreshToken(
      @JsonProperty(value = "client_id", required = true)
      @SpecField(title = "Client ID", description = CLIENT_ID, order = 1)
      String clientId,
      @JsonProperty(value = "client_secret", required = true)
      @SpecField(title = "Client secret", description = CLIENT_SECRET, secret = true, order = 2)
      String clientSecret,
      @JsonProperty(value = "refresh_token", required = true)
      @SpecField(title = "Refresh token", secret = true, order = 3,
          description = "A refresh token issued to the integration user for this app.")
      String refreshToken) implements Credentials {

    /** Requires every part. */
    public RefreshToken {
      clientId = ConfigChecks.nonBlank(clientId, "credentials.client_id");
      clientSecret = ConfigChecks.nonBlank(clientSecret, "credentials.client_secret");
      refreshToken = ConfigChecks.nonBlank(refreshToken, "credentials.refresh_token");
    }

    @Override
    public String toString() {
      return "RefreshToken[clientId=" + clientId + "]";
    }
  }

  /** Client-credentials grant (External Client Apps with a run-as user). */
  @SpecObject(title = "OAuth 2.0 client credentials")
  record ClientCredentials(
      @JsonProperty(value = "client_id", required = true)
      @SpecField(title = "Client ID", description = CLIENT_ID, order = 1)
      String clientId,
      @JsonProperty(value = "client_secret", required = true)
      @SpecField(title = "Client secret", description = CLIENT_SECRET, secret = true, order = 2)
      String clientSecret) implements Credentials {

    /** Requires every part. */
    public ClientCredentials {
      clientId = ConfigChecks.nonBlank(clientId, "credentials.client_id");
      clientSecret = ConfigChecks.nonBlank(clientSecret, "credentials.client_secret");
    }

    @Override
    public String toString() {
      return "ClientCredentials[clientId=" + clientId + "]";
    }
  }
}
