package io.activationsuite.sandbox.salesforce;

/**
 * What the token endpoint returns on success.
 *
 * @param accessToken bearer token for API calls
 * @param instanceUrl base URL for API calls (the emulator's own)
 * @param id identity URL
 * @param tokenType always Bearer
 * @param issuedAt issue time in epoch milliseconds, as text
 * @param signature base64 HMAC-SHA256 of id + issued_at keyed with the client secret
 * @param scope granted scopes
 */
public record TokenResponse(String accessToken, String instanceUrl, String id, String tokenType, String issuedAt,
    String signature, String scope) {
}
