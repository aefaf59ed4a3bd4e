package io.activationsuite.sandbox.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.activationsuite.sandbox.Json;
import io.activationsuite.sandbox.SandboxRequest;
import java.util.Locale;

/**
 * The arguments of one Web API call, merged as Slack reads them: query string, then a form body
 * ({@code application/x-www-form-urlencoded}, JSON-valued arguments such as {@code blocks} given as JSON
 * text) or a JSON body ({@code application/json}).
 */
final class SlackParams {

  private final ObjectNode values;

  private SlackParams(ObjectNode values) {
    this.values = values;
  }

  /**
   * Reads the arguments.
   *
   * @throws Json.MalformedJsonException when a JSON body is not JSON
   */
  static SlackParams of(SandboxRequest request) {
    ObjectNode values = Json.object();
    request.query().forEach((k, v) -> values.put(k, v.get(0)));
    String type = request.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
    if (request.body().length > 0) {
      if (type.startsWith("application/json")) {
        JsonNode json = request.bodyJson();
        if (!json.isObject()) {
          throw new Json.MalformedJsonException("the JSON body must be an object");
        }
        values.setAll((ObjectNode) json);
      } else {
        request.formParams().forEach(values::put);
      }
    }
    return new SlackParams(values);
  }

  /** A text argument, null when absent or empty. */
  String text(String name) {
    JsonNode v = values.get(name);
    if (v == null || v.isNull()) {
      return null;
    }
    String text = v.isValueNode() ? v.asText() : v.toString();
    return text.isEmpty() ? null : text;
  }

  /** A boolean argument ({@code true}/{@code 1}), or the default. */
  boolean bool(String name, boolean defaultValue) {
    JsonNode v = values.get(name);
    if (v == null || v.isNull()) {
      return defaultValue;
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    String t = v.asText().trim().toLowerCase(Locale.ROOT);
    return t.equals("true") || t.equals("1");
  }

  /** An integer argument, or the default when absent or not a number. */
  int integer(String name, int defaultValue) {
    String t = text(name);
    try {
      return t == null ? defaultValue : Integer.parseInt(t.trim());
    } catch (NumberFormatException e) {
      return defaultValue;
    }
  }

  /**
   * A JSON-valued argument: the JSON itself in a JSON body, or JSON text in a form.
   *
   * @throws Json.MalformedJsonException when it is text that is not JSON
   */
  JsonNode json(String name) {
    JsonNode v = values.get(name);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v instanceof TextNode text) {
      if (text.asText().isBlank()) {
        return null;
      }
      return Json.parse(text.asText().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    return v;
  }

  boolean has(String name) {
    return values.hasNonNull(name);
  }
}
