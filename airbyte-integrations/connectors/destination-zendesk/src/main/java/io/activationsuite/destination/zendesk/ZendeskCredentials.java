package io.activationsuite.destination.zendesk;

/** How the connector authenticates to Zendesk: OAuth (refresh token or client credentials) or an API token. */
public sealed interface ZendeskCredentials {

  /** OAuth refresh-token grant; every refresh returns a new refresh token that the connector persists. */
  record OAuthRefresh(String clientId, String clientSecret, String refreshToken) implements ZendeskCredentials {}

  /** OAuth client-credentials grant (scope {@code read write}). */
  record ClientCredentials(String clientId, String clientSecret) implements ZendeskCredentials {}

  /** Deprecated API token ({@code email/token}); Zendesk deactivates every API token on 30 April 2027. */
  record ApiToken(String email, String apiToken) implements ZendeskCredentials {}
}
