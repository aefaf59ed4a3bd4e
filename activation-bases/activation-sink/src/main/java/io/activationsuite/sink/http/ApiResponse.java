package io.activationsuite.sink.http;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import okhttp3.Headers;
import okhttp3.MediaType;

/**
 * A fully read HTTP response: status, headers and body bytes. Immutable and detached from the
 * connection, so it can be classified, retried around, kept for failure isolation and logged safely.
 * It never holds the request (and so never the request's {@code Authorization} header).
 *
 * @param method the request method, for messages
 * @param path the request path without query string, for messages
 * @param status the HTTP status code
 * @param headers the response headers
 * @param body the response body, possibly empty
 * @param contentType the response media type, or null when absent
 */
public record ApiResponse(String method, String path, int status, Headers headers, byte[] body,
    MediaType contentType) {

  public ApiResponse {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(headers, "headers");
    body = body == null ? new byte[0] : body;
  }

  /** True for 2xx statuses. */
  public boolean isSuccessful() {
    return status >= 200 && status < 300;
  }

  /** The first value of a header (case-insensitive name). */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name));
  }

  /** The body as text, decoded with the response charset (UTF-8 by default). */
  public String bodyString() {
    Charset charset = contentType == null ? StandardCharsets.UTF_8 : contentType.charset(StandardCharsets.UTF_8);
    return new String(body, charset);
  }

  /** A defensive copy of the body bytes. */
  @Override
  public byte[] body() {
    return body.clone();
  }

  @Override
  public boolean equals(Object other) {
    return this == other;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }

  @Override
  public String toString() {
    return "ApiResponse[" + method + " " + path + " -> " + status + ", " + body.length + " body bytes]";
  }
}
