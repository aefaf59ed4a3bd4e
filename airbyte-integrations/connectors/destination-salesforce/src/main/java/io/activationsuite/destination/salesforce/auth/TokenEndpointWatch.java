package io.activationsuite.destination.salesforce.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Sits between the shared OAuth provider and Salesforce's token endpoint. It remembers, per calling
 * thread, why the last token request failed (the OAuth {@code error}/{@code error_description} pair, the
 * HTTP status or the I/O error), so the connector can tell the user exactly what to fix; and it turns
 * Salesforce's throttle answer ({@code 403 REQUEST_LIMIT_EXCEEDED}) into the standard {@code 429} so the
 * provider backs off and retries it instead of reporting a credentials problem.
 */
final class TokenEndpointWatch implements Interceptor {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long PEEK_BYTES = 64 * 1024;
  private final ThreadLocal<TokenFailure> lastFailure = new ThreadLocal<>();

  @Override
  public Response intercept(Chain chain) throws IOException {
    lastFailure.remove();
    Response response;
    try {
      response = chain.proceed(chain.request());
    } catch (IOException e) {
      lastFailure.set(new TokenFailure.Unreachable(e));
      throw e;
    }
    if (response.isSuccessful()) {
      return response;
    }
    String text = response.peekBody(PEEK_BYTES).string();
    if (response.code() == 403 && text.contains("REQUEST_LIMIT_EXCEEDED")) {
      lastFailure.set(new TokenFailure.Status(429));
      ResponseBody body = ResponseBody.create(text, MediaType.get("application/json"));
      return response.newBuilder().code(429).message("Too Many Requests").body(body).build();
    }
    JsonNode json = parse(text);
    if (json.hasNonNull("error")) {
      lastFailure.set(new TokenFailure.OAuthError(json.get("error").asText(),
          json.path("error_description").asText(null)));
    } else {
      lastFailure.set(new TokenFailure.Status(response.code()));
    }
    return response;
  }

  /** Why this thread's last token request failed, if it did; clears the record. */
  TokenFailure takeLastFailure() {
    TokenFailure failure = lastFailure.get();
    lastFailure.remove();
    return failure;
  }

  private static JsonNode parse(String text) {
    try {
      JsonNode node = text.isBlank() ? null : JSON.readTree(text);
      return node == null || !node.isObject() ? JSON.createObjectNode() : node;
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }
}
