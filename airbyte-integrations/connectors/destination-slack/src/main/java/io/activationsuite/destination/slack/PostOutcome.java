package io.activationsuite.destination.slack;

import com.fasterxml.jackson.databind.JsonNode;

/** What became of one chat.postMessage call. */
sealed interface PostOutcome {

  /** Slack posted it: the message's ts. */
  record Posted(String channel, String ts) implements PostOutcome {
  }

  /** Slack refused it ({@code ok:false}): nothing was posted. */
  record Refused(String error, JsonNode body) implements PostOutcome {
  }

  /** The request may have reached Slack and no answer came back: Slack may have posted it. Never resent. */
  record Uncertain(String reason) implements PostOutcome {
  }
}
