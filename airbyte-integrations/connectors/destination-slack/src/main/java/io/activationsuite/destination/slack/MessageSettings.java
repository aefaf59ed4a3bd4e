package io.activationsuite.destination.slack;

/**
 * How the rows of one source stream become Slack messages.
 *
 * @param sourceStream the stream these settings apply to
 * @param channel fixed channel (id, {@code #name} or name), or null for the config's default
 * @param channelField record field holding the channel of each row, or null
 * @param userEmailField record field holding the recipient's email (direct messages)
 * @param textTemplate Mustache template of the mrkdwn text (one row; a digest line per row)
 * @param blocksTemplate Mustache template of a Block Kit JSON array (one row), or null
 * @param digestMaxRows most rows per digest message
 * @param digestHeader Mustache template of a digest's first line ({@code count}, {@code channel})
 * @param digestFooter Mustache template of a digest's last line, or null
 * @param threadTsField record field holding the ts of a parent message to reply to, or null
 * @param unfurlLinks whether Slack unfurls links in the message
 */
public record MessageSettings(String sourceStream, String channel, String channelField, String userEmailField,
    String textTemplate, String blocksTemplate, int digestMaxRows, String digestHeader, String digestFooter,
    String threadTsField, boolean unfurlLinks) {

  /** The most rows a digest can carry: one section block each, plus header and footer, within 50 blocks. */
  public static final int MAX_DIGEST_ROWS = 200;
  /** Default rows per digest. */
  public static final int DEFAULT_DIGEST_ROWS = 40;

  /** Settings of a stream the config does not describe: the default channel, every field listed. */
  public static MessageSettings defaults(String stream) {
    return new MessageSettings(stream, null, null, "email", null, null, DEFAULT_DIGEST_ROWS,
        "*{{count}} new rows from " + stream + "*", null, null, false);
  }
}
