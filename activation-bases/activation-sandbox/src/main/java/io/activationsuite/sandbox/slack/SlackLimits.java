package io.activationsuite.sandbox.slack;

/** The message limits Slack documents for chat.postMessage and Block Kit, in one place. */
final class SlackLimits {

  /** Text beyond this many characters is truncated. */
  static final int TEXT_TRUNCATED_AT = 40_000;
  /** Blocks per message. */
  static final int MAX_BLOCKS = 50;
  /** Characters of a section block's text. */
  static final int SECTION_TEXT = 3_000;
  /** Characters of one section field. */
  static final int SECTION_FIELD_TEXT = 2_000;
  /** Fields of one section block. */
  static final int SECTION_FIELDS = 10;
  /** Characters of a header block's text. */
  static final int HEADER_TEXT = 150;
  /** Elements of a context block. */
  static final int CONTEXT_ELEMENTS = 10;
  /** Characters of a block_id. */
  static final int BLOCK_ID = 255;
  /** Total characters of all blocks' text observed to trigger msg_blocks_too_long (Slack publishes none). */
  static final int TOTAL_BLOCK_TEXT = 13_000;
  /** Attachments per message. */
  static final int MAX_ATTACHMENTS = 100;

  private SlackLimits() {
  }
}
