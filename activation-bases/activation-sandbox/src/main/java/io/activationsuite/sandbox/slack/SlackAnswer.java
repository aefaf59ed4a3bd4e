package io.activationsuite.sandbox.slack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sandbox.SandboxResponse;

/**
 * What a Web API method answers: a body (HTTP 200, {@code ok} true or false, as Slack does for every
 * logical outcome) or a rate-limit refusal (HTTP 429 with {@code Retry-After} seconds).
 *
 * @param body the JSON body
 * @param retryAfterSeconds seconds to wait when rate limited, else null
 */
record SlackAnswer(ObjectNode body, Long retryAfterSeconds) {

  static SlackAnswer of(ObjectNode body) {
    return new SlackAnswer(body, null);
  }

  static SlackAnswer error(String code) {
    return of(SlackResult.errorBody(code));
  }

  static SlackAnswer rateLimited(long seconds) {
    return new SlackAnswer(SlackResult.errorBody("ratelimited"), seconds);
  }

  SandboxResponse toResponse() {
    if (retryAfterSeconds != null) {
      return SandboxResponse.json(429, body).withHeader("Retry-After", Long.toString(retryAfterSeconds));
    }
    return SandboxResponse.json(200, body);
  }
}
