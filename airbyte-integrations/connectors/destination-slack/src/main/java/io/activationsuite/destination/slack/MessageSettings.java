package io.activationsuite.destination.slack;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.activationsuite.protocol.errors.ConfigErrorException;
import io.activationsuite.sink.config.SpecField;
import io.activationsuite.sink.config.SpecObject;

/**
 * How the rows of one source stream become Slack messages (one entry of the config's {@code messages}).
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
@SpecObject(title = "Message settings of one stream", additionalProperties = SpecObject.Additional.FORBIDDEN)
public record MessageSettings(
    @JsonProperty(value = "source_stream", required = true)
    @SpecField(title = "Source stream", order = 0, minLength = 1)
    String sourceStream,
    @JsonProperty("channel")
    @SpecField(title = "Channel", order = 1, description = "Fixed channel (#name or ID) of this stream's messages.")
    String channel,
    @JsonProperty("channel_field")
    @SpecField(title = "Channel field", order = 2, description = "Record field holding each row's channel (#name or"
        + " ID); rows without one go to the fixed channel.")
    String channelField,
    @JsonProperty("user_email_field")
    @SpecField(title = "User email field", order = 3, defaultValue = "email",
        description = "Record field holding the recipient's email, for direct_messages.")
    String userEmailField,
    @JsonProperty("text_template")
    @SpecField(title = "Text template", order = 4, description = "Mustache template of the mrkdwn text, e.g."
        + " *{{account_name}}*: invoice {{amount}} is {{ratio}}x usual. {{#mention}}{{owner_email}}{{/mention}}"
        + " mentions the user with that email. In a digest, one line per row.")
    String textTemplate,
    @JsonProperty("blocks_template")
    @SpecField(title = "Block Kit template", order = 5, description = "Mustache template rendering a JSON array of"
        + " Block Kit blocks for one row (values are escaped for JSON).")
    String blocksTemplate,
    @JsonProperty("digest_max_rows")
    @SpecField(title = "Rows per digest", order = 6, defaultValue = "40", minimum = 1, maximum = MAX_DIGEST_ROWS,
        description = "channel_digest: most rows per message (Slack allows 50 blocks and about 12,000 characters"
            + " per message).")
    Integer digestMaxRows,
    @JsonProperty("digest_header")
    @SpecField(title = "Digest header", order = 7, description = "channel_digest: Mustache template of the first"
        + " line; {{count}} and {{channel}} are available.")
    String digestHeader,
    @JsonProperty("digest_footer")
    @SpecField(title = "Digest footer", order = 8, description = "channel_digest: Mustache template of the last line.")
    String digestFooter,
    @JsonProperty("thread_ts_field")
    @SpecField(title = "Thread field", order = 9, description = "Record field holding the ts of a message to reply to"
        + " in its thread.")
    String threadTsField,
    @JsonProperty("unfurl_links")
    @SpecField(title = "Unfurl links", order = 10, defaultValue = "false")
    Boolean unfurlLinks) {

  /** The most rows a digest can carry: one section block each, plus header and footer, within 50 blocks. */
  public static final int MAX_DIGEST_ROWS = 200;
  /** Default rows per digest. */
  public static final int DEFAULT_DIGEST_ROWS = 40;

  /** Blank texts mean "not set"; names are trimmed; a digest holds 1 to {@link #MAX_DIGEST_ROWS} rows. */
  public MessageSettings {
    sourceStream = blankToNull(sourceStream);
    if (sourceStream == null) {
      throw new ConfigErrorException("a messages entry has no source_stream.");
    }
    channel = blankToNull(channel);
    channelField = blankToNull(channelField);
    userEmailField = blankToNull(userEmailField) == null ? "email" : userEmailField.trim();
    textTemplate = blankToNull(textTemplate);
    blocksTemplate = blankToNull(blocksTemplate);
    digestMaxRows = digestMaxRows == null ? DEFAULT_DIGEST_ROWS : digestMaxRows;
    if (digestMaxRows < 1 || digestMaxRows > MAX_DIGEST_ROWS) {
      throw new ConfigErrorException("messages entry for stream '" + sourceStream + "': digest_max_rows must be"
          + " between 1 and " + MAX_DIGEST_ROWS + ".");
    }
    digestHeader = blankToNull(digestHeader) == null ? "*{{count}} new rows from " + sourceStream + "*"
        : digestHeader.trim();
    digestFooter = blankToNull(digestFooter);
    threadTsField = blankToNull(threadTsField);
    unfurlLinks = Boolean.TRUE.equals(unfurlLinks);
  }

  /** Settings of a stream the config does not describe: the default channel and digest header. */
  public static MessageSettings defaults(String stream) {
    return new MessageSettings(stream, null, null, null, null, null, null, null, null, null, false);
  }

  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
