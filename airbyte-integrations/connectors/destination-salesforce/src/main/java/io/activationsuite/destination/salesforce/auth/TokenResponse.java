package io.activationsuite.destination.salesforce.auth;

/**
 * What one successful token exchange returned: the access token and, when the app rotates refresh
 * tokens, the new refresh token (null otherwise).
 */
public record TokenResponse(AccessToken accessToken, String rotatedRefreshToken) {

  @Override
  public String toString() {
    return "TokenResponse[" + accessToken + ", rotated=" + (rotatedRefreshToken != null) + "]";
  }
}
