package io.activationsuite.destination.slack;

/** How the connector authenticates: a bot token, or an app with rotating tokens (12 h, single-use refresh). */
public sealed interface SlackCredentials {

  /** A bot token ({@code xoxb-...}) that does not expire. */
  record BotToken(String token) implements SlackCredentials {
    @Override
    public String toString() {
      return "BotToken[***]";
    }
  }

  /** An app with token rotation: each refresh returns a new refresh token, which the connector persists. */
  record RotatingToken(String clientId, String clientSecret, String refreshToken) implements SlackCredentials {
    @Override
    public String toString() {
      return "RotatingToken[clientId=" + clientId + ", ***]";
    }
  }
}
