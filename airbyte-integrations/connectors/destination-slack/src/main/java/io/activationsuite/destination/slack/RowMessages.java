package io.activationsuite.destination.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.protocol.errors.ConfigErrorException;
import io.activationsuite.sink.api.OutboundRecord;
import io.activationsuite.sink.api.RecordOutcome;
import io.activationsuite.sink.api.RejectionReason;
import java.util.Map;

/**
 * What the writers of one stream share: where a row goes (the fixed channel checked once, the channel a
 * row names, or the DM of the row's email), its rendered message, and what Slack's answer means for the
 * row. A post that may have reached Slack without an answer is never resent: its rows are rejected with a
 * reason saying Slack may have posted them.
 */
final class RowMessages {

  private static final Map<String, RejectionReason> REASONS = Map.of(
      "channel_not_found", RejectionReason.NOT_FOUND, "user_disabled", RejectionReason.NOT_FOUND,
      "msg_too_long", RejectionReason.VALUE_TOO_LONG, "msg_blocks_too_long", RejectionReason.VALUE_TOO_LONG,
      "too_many_attachments", RejectionReason.VALUE_TOO_LONG, "no_text", RejectionReason.MISSING_REQUIRED_FIELD);

  final MessageKind kind;
  final MessageSettings settings;
  final MessageTemplates templates;
  final SlackDirectory directory;
  final SlackApi api;
  private final String fixedChannel;

  RowMessages(MessageKind kind, MessageSettings settings, MessageTemplates templates, SlackDirectory directory,
      SlackApi api, String channel) throws InterruptedException {
    this.kind = kind;
    this.settings = settings;
    this.templates = templates;
    this.directory = directory;
    this.api = api;
    if (kind == MessageKind.DIRECT_MESSAGES || (settings.channelField() != null && channel == null)) {
      this.fixedChannel = null;
      return;
    }
    if (channel == null) {
      throw new ConfigErrorException("Stream '" + settings.sourceStream() + "' has no channel: set messages[].channel"
          + " or channel_field for it, or default_channel.");
    }
    SlackDirectory.Target target = directory.channel(channel);
    if (target.problem() != null) {
      throw new ConfigErrorException("Stream '" + settings.sourceStream() + "': " + target.problem());
    }
    this.fixedChannel = target.channelId();
  }

  /** The channel id of a row, or why the row cannot be delivered. */
  SlackDirectory.Target target(OutboundRecord record) throws InterruptedException {
    if (kind == MessageKind.DIRECT_MESSAGES) {
      String email = record.payload().path(settings.userEmailField()).asText("");
      return email.isBlank() ? SlackDirectory.Target.refused("The row has no " + settings.userEmailField()
          + " to find its Slack user by.") : directory.directMessage(email);
    }
    return channelTarget(channelOf(record));
  }

  /** The channel a row names (its channel field, else the stream's fixed channel id), or "" when none. */
  String channelOf(OutboundRecord record) {
    String named = settings.channelField() == null ? ""
        : record.payload().path(settings.channelField()).asText("").trim();
    return named.isEmpty() && fixedChannel != null ? fixedChannel : named;
  }

  /** The channel id of a channel name or id from {@link #channelOf}, or why rows cannot go there. */
  SlackDirectory.Target channelTarget(String channel) throws InterruptedException {
    if (channel.isEmpty()) {
      return SlackDirectory.Target.refused("The row has no " + settings.channelField() + " naming its channel.");
    }
    return channel.equals(fixedChannel) ? SlackDirectory.Target.of(fixedChannel) : directory.channel(channel);
  }

  /** The chat.postMessage arguments of one row. */
  ObjectNode message(String channel, OutboundRecord record)
      throws MessageTemplates.RenderException, InterruptedException {
    ObjectNode message = JsonNodeFactory.instance.objectNode().put("channel", channel)
        .put("unfurl_links", settings.unfurlLinks());
    String text = templates.text(record.payload(), directory::mention);
    if (text != null) {
      message.put("text", text);
    }
    JsonNode blocks = templates.blocks(record.payload(), directory::mention);
    if (blocks != null) {
      message.set("blocks", blocks);
    }
    String thread = settings.threadTsField() == null ? "" : record.payload().path(settings.threadTsField()).asText("");
    if (!thread.isBlank()) {
      message.put("thread_ts", thread);
    }
    return message;
  }

  /** What a post's outcome means for each row it carried. */
  static RecordOutcome outcome(PostOutcome outcome) {
    return switch (outcome) {
      case PostOutcome.Posted posted -> RecordOutcome.accepted(posted.channel() + "/" + posted.ts());
      case PostOutcome.Refused refused -> RecordOutcome.rejected(
          REASONS.getOrDefault(refused.error(), RejectionReason.REFUSED_BY_API), null, refusal(refused), 200);
      case PostOutcome.Uncertain uncertain -> RecordOutcome.rejected(RejectionReason.DELIVERY_UNCERTAIN, null,
          "Slack may have posted this message (" + uncertain.reason() + "). It was not sent again so that it is"
              + " never posted twice; check the channel before sending the row again.", null);
    };
  }

  static RecordOutcome rejected(String problem) {
    return RecordOutcome.rejected(RejectionReason.NOT_FOUND, null, problem, null);
  }

  private static String refusal(PostOutcome.Refused refused) {
    StringBuilder message = new StringBuilder("Slack refused the message: ").append(refused.error());
    JsonNode details = refused.body().path("response_metadata").path("messages");
    details.forEach(d -> message.append("; ").append(d.asText()));
    String hint = switch (refused.error()) {
      case "not_in_channel" -> " (invite the app to the channel: /invite @your-app)";
      case "channel_not_found" -> " (check the channel; a private channel needs the app invited)";
      case "is_archived" -> " (the channel is archived)";
      default -> "";
    };
    return message.append(hint).toString();
  }
}
