package io.activationsuite.sandbox.slack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sandbox.Json;

/**
 * A value or a Slack error code ({@code {"ok":false,"error":"..."}}), so handlers can chain checks the way
 * Slack answers them: the first failing check wins.
 *
 * @param value the value when ok
 * @param error the error body when not ok
 */
record SlackResult<T>(T value, ObjectNode error) {

  static <T> SlackResult<T> ok(T value) {
    return new SlackResult<>(value, null);
  }

  static <T> SlackResult<T> error(String code) {
    return new SlackResult<>(null, errorBody(code));
  }

  static <T> SlackResult<T> error(ObjectNode body) {
    return new SlackResult<>(null, body);
  }

  boolean failed() {
    return error != null;
  }

  /** {@code {"ok":false,"error":code}}. */
  static ObjectNode errorBody(String code) {
    ObjectNode body = Json.object();
    body.put("ok", false).put("error", code);
    return body;
  }
}
