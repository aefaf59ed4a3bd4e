package io.activationsuite.destination.salesforce.auth;

import java.util.Locale;

/**
 * Turns the token endpoint's {@code error}/{@code error_description} pair into a message that tells the
 * user what to fix (client id, secret, refresh token, run-as user, API access).
 */
public final class OAuthErrorMessages {

  private OAuthErrorMessages() {}

  /** The actionable message for one OAuth error answer of the token endpoint. */
  public static String describe(Credentials credentials, String error, String description) {
    String code = error == null ? "" : error.toLowerCase(Locale.ROOT);
    String detail = description == null ? "" : description.toLowerCase(Locale.ROOT);
    String suffix = " (Salesforce said: " + (error == null ? "?" : error)
        + (description == null || description.isBlank() ? "" : " - " + description) + ")";
    if (code.equals("invalid_client_id") || detail.contains("client identifier invalid")) {
      return "Invalid client ID: check the consumer key of your External Client App." + suffix;
    }
    if (code.equals("invalid_client") || detail.contains("invalid client credentials")) {
      return "Invalid client secret: check the consumer secret of your External Client App." + suffix;
    }
    if (detail.contains("api") && (detail.contains("disabled") || detail.contains("not enabled"))) {
      return "API access is disabled for this user or org: give the user the 'API Enabled' permission."
          + suffix;
    }
    if (code.equals("invalid_grant")) {
      if (credentials instanceof Credentials.ClientCredentials) {
        return "The client credentials flow was refused: enable it on the External Client App and set a "
            + "run-as user with the 'API Enabled' permission." + suffix;
      }
      if (detail.contains("expired") || detail.contains("revoked") || detail.contains("authentication failure")) {
        return "The refresh token is expired or revoked: re-authenticate the Salesforce source of this "
            + "connection to get a new one." + suffix;
      }
      return "Salesforce refused the refresh token: re-authenticate to get a new one." + suffix;
    }
    if (code.equals("unsupported_grant_type")) {
      return "The External Client App does not allow this OAuth flow: enable it in the app's OAuth settings."
          + suffix;
    }
    if (code.equals("inactive_user") || code.equals("inactive_org")) {
      return "The Salesforce user or org is inactive." + suffix;
    }
    return "Salesforce refused the token request." + suffix;
  }
}
