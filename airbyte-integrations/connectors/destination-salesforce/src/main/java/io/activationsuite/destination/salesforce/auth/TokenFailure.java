package io.activationsuite.destination.salesforce.auth;

import java.io.IOException;

/** Why one request to Salesforce's token endpoint failed, as {@link TokenEndpointWatch} saw it. */
sealed interface TokenFailure {

  /** An OAuth error answer ({@code {"error":..,"error_description":..}}). */
  record OAuthError(String error, String description) implements TokenFailure {
  }

  /** An answer that is not an OAuth error (wrong URL, throttle, server error). */
  record Status(int code) implements TokenFailure {
  }

  /** No answer at all. */
  record Unreachable(IOException cause) implements TokenFailure {
  }
}
