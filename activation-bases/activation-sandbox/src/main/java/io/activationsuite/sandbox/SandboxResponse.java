package io.activationsuite.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an emulator answers: status, headers and body bytes. Immutable; {@link #withHeader} returns a
 * copy so cross-cutting concerns (rate-limit headers) can decorate a vendor response.
 *
 * @param status HTTP status code
 * @param headers response headers (single value per name)
 * @param body response body, empty for 204
 */
public record SandboxResponse(int status, Map<String, String> headers, byte[] body) {

  /** Copies the header map and defaults a null body to empty. */
  public SandboxResponse {
    headers = Map.copyOf(headers);
    body = body == null ? new byte[0] : body;
  }

  /** A JSON response with {@code Content-Type: application/json;charset=utf-8}. */
  public static SandboxResponse json(int status, Object value) {
    return new SandboxResponse(status, Map.of("Content-Type", "application/json;charset=utf-8"), Json.bytes(value));
  }

  /** A plain-text response. */
  public static SandboxResponse text(int status, String text) {
    return new SandboxResponse(status, Map.of("Content-Type", "text/plain;charset=utf-8"),
        text.getBytes(StandardCharsets.UTF_8));
  }

  /** A body-less response, e.g. 204. */
  public static SandboxResponse empty(int status) {
    return new SandboxResponse(status, Map.of(), new byte[0]);
  }

  /** A copy with one more (or a replaced) header. */
  public SandboxResponse withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new SandboxResponse(status, copy, body);
  }

  /** A copy with all the given headers added. */
  public SandboxResponse withHeaders(Map<String, String> extra) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.putAll(extra);
    return new SandboxResponse(status, copy, body);
  }

  /** The body as UTF-8 text (for logs and tests). */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
