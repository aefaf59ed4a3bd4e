package io.activationsuite.destination.slack;

import java.util.Arrays;
import java.util.Optional;

/** The three destination objects: where each row goes and how rows share messages. */
enum MessageKind {
  /** One message per row, to a fixed channel or the channel a row names. */
  CHANNEL_MESSAGES("channel_messages", "Channel messages (one per row)"),
  /** Rows grouped into digest messages per channel. */
  CHANNEL_DIGEST("channel_digest", "Channel digests (many rows per message)"),
  /** One direct message per row, to the Slack user with the row's email. */
  DIRECT_MESSAGES("direct_messages", "Direct messages (one per row, by email)");

  final String objectName;
  final String label;

  MessageKind(String objectName, String label) {
    this.objectName = objectName;
    this.label = label;
  }

  static Optional<MessageKind> of(String objectName) {
    return Arrays.stream(values()).filter(k -> k.objectName.equals(objectName)).findFirst();
  }
}
