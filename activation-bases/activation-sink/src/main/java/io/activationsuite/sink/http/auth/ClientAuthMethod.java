package io.activationsuite.sink.http.auth;

/** How the OAuth client authenticates to the token endpoint (RFC 6749 section 2.3.1). */
public enum ClientAuthMethod {
  /** {@code client_id} and {@code client_secret} as form fields (Salesforce, HubSpot). */
  REQUEST_BODY,
  /** HTTP basic auth with the client id and secret. */
  BASIC_HEADER
}
