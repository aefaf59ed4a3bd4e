package io.activationsuite.destination.slack;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.activationsuite.sink.config.ConfigChecks;
import io.activationsuite.sink.config.SpecField;
import io.activationsuite.sink.config.SpecObject;

/**
 * How the connector authenticates: a bot token, or an app with rotating tokens (12 h, single-use refresh).
 * {@code auth_type} tells which.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "auth_type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = SlackCredentials.BotToken.class, name = "bot_token"),
    @JsonSubTypes.Type(value = SlackCredentials.RotatingToken.class, name = "oauth2_rotating")})
@SpecObject(discriminatorDefault = true)
public sealed interface SlackCredentials {

  /** A bot token ({@code xoxb-...}) that does not expire. */
  @SpecObject(title = "Bot token")
  record BotToken(
      @JsonProperty(value = "bot_token", required = true)
      @SpecField(title = "Bot token", order = 1, secret = true, pattern = "^xox[be][.-]",
          description = "The app's Bot User OAuth Token (xoxb-...), from OAuth & Permissions.")
      String token) implements SlackCredentials {

    /** Requires a token. */
    public BotToken {
      token = ConfigChecks.nonBlank(token, "credentials.bot_token");
    }

    @Override
    public String toString() {
      return "BotToken[***]";
    }
  }

  /** An app with token rotation: each refresh returns a new refresh token, which the connector persists. */
  @SpecObject(title = "OAuth with token rotation")
  record RotatingToken(
      @JsonProperty(value = "client_id", required = true)
      @SpecField(title = "Client ID", order = 1, description = "The app's client ID (Basic Information).")
      String clientId,
      @JsonProperty(value = "client_secret", required = true)
      @SpecField(title = "Client secret", order = 2, secret = true, description = "The app's client secret.")
      String clientSecret,
      @JsonProperty(value = "refresh_token", required = true)
      @SpecField(title = "Refresh token", order = 3, secret = true, description = "A refresh token (xoxe-1-...) of"
          + " the app's installation. Each refresh returns a new one, which the connector saves.")
      String refreshToken) implements SlackCredentials {

    /** Requires every part. */
    public RotatingToken {
      clientId = ConfigChecks.nonBlank(clientId, "credentials.client_id");
      clientSecret = ConfigChecks.nonBlank(clientSecret, "credentials.client_secret");
      refreshToken = ConfigChecks.nonBlank(refreshToken, "credentials.refresh_token");
    }

    @Override
    public String toString() {
      return "RotatingToken[clientId=" + clientId + ", ***]";
    }
  }
}
