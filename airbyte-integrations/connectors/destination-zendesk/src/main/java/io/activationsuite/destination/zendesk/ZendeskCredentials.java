package io.activationsuite.destination.zendesk;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.activationsuite.sink.config.ConfigChecks;
import io.activationsuite.sink.config.SpecField;
import io.activationsuite.sink.config.SpecObject;

/**
 * How the connector authenticates to Zendesk: OAuth (refresh token or client credentials) or the deprecated
 * API token. {@code auth_type} tells which.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "auth_type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ZendeskCredentials.OAuthRefresh.class, name = "oauth2_refresh_token"),
    @JsonSubTypes.Type(value = ZendeskCredentials.ClientCredentials.class, name = "oauth2_client_credentials"),
    @JsonSubTypes.Type(value = ZendeskCredentials.ApiToken.class, name = "api_token")})
@SpecObject(discriminatorDefault = true)
public sealed interface ZendeskCredentials {

  /** OAuth refresh-token grant; every refresh returns a new refresh token that the connector persists. */
  @SpecObject(title = "OAuth (refresh token)", description = "An OAuth client of the account and a refresh token."
      + " Zendesk rotates the refresh token on each use; the connector saves the new one.")
  record OAuthRefresh(
      @JsonProperty(value = "client_id", required = true)
      @SpecField(title = "Client ID", order = 1)
      String clientId,
      @JsonProperty(value = "client_secret", required = true)
      @SpecField(title = "Client secret", order = 2, secret = true)
      String clientSecret,
      @JsonProperty(value = "refresh_token", required = true)
      @SpecField(title = "Refresh token", order = 3, secret = true)
      String refreshToken) implements ZendeskCredentials {

    /** Requires every part. */
    public OAuthRefresh {
      clientId = ConfigChecks.nonBlank(clientId, "credentials.client_id");
      clientSecret = ConfigChecks.nonBlank(clientSecret, "credentials.client_secret");
      refreshToken = ConfigChecks.nonBlank(refreshToken, "credentials.refresh_token");
    }

    @Override
    public String toString() {
      return "OAuthRefresh[clientId=" + clientId + ", clientSecret=***, refreshToken=***]";
    }
  }

  /** OAuth client-credentials grant (scope {@code read write}). */
  @SpecObject(title = "OAuth (client credentials)", description = "An OAuth client of the account allowed the"
      + " client-credentials grant with scopes read and write.")
  record ClientCredentials(
      @JsonProperty(value = "client_id", required = true)
      @SpecField(title = "Client ID", order = 1)
      String clientId,
      @JsonProperty(value = "client_secret", required = true)
      @SpecField(title = "Client secret", order = 2, secret = true)
      String clientSecret) implements ZendeskCredentials {

    /** Requires every part. */
    public ClientCredentials {
      clientId = ConfigChecks.nonBlank(clientId, "credentials.client_id");
      clientSecret = ConfigChecks.nonBlank(clientSecret, "credentials.client_secret");
    }

    @Override
    public String toString() {
      return "ClientCredentials[clientId=" + clientId + ", clientSecret=***]";
    }
  }

  /** Deprecated API token ({@code email/token}); Zendesk deactivates every API token on 30 April 2027. */
  @SpecObject(title = "API token (deprecated)", description = "Deprecated: Zendesk permanently deactivates all API"
      + " tokens on 30 April 2027 (and new tokens cannot be created from 27 October 2026). Use OAuth.")
  record ApiToken(
      @JsonProperty(value = "email", required = true)
      @SpecField(title = "Agent email", order = 1)
      String email,
      @JsonProperty(value = "api_token", required = true)
      @SpecField(title = "API token", order = 2, secret = true)
      String apiToken) implements ZendeskCredentials {

    /** Requires every part. */
    public ApiToken {
      email = ConfigChecks.nonBlank(email, "credentials.email");
      apiToken = ConfigChecks.nonBlank(apiToken, "credentials.api_token");
    }

    @Override
    public String toString() {
      return "ApiToken[email=" + email + ", apiToken=***]";
    }
  }
}
