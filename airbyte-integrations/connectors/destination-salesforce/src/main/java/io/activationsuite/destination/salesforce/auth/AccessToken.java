package io.activationsuite.destination.salesforce.auth;

/**
 * An access token and the org's instance URL, as the token endpoint returned them. Every REST and Bulk
 * call goes to {@code instanceUrl}, never to the login URL.
 */
public record AccessToken(String value, String instanceUrl) {

  @Override
  public String toString() {
    return "AccessToken[instanceUrl=" + instanceUrl + "]";
  }
}
