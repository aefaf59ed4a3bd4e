package io.activationsuite.sandbox.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sandbox.Json;

/**
 * A message the bot posted, as Slack stores it (and as tests inspect it).
 *
 * @param channel conversation id
 * @param ts Slack's message timestamp, unique within the channel ({@code 1700000000.000100})
 * @param text message text (already truncated)
 * @param blocks Block Kit blocks, or null
 * @param attachments legacy attachments, or null
 * @param threadTs parent message ts for a thread reply, or null
 * @param metadata message metadata ({@code event_type}, {@code event_payload}), or null
 * @param unfurlLinks whether links unfurl
 * @param edited ts of the last chat.update, or null
 * @param via {@code web_api} or {@code webhook}
 */
record PostedMessage(String channel, String ts, String text, JsonNode blocks, JsonNode attachments,
    String threadTs, JsonNode metadata, boolean unfurlLinks, String edited, String via) {

  PostedMessage edit(String newText, JsonNode newBlocks, JsonNode newAttachments, String editTs) {
    return new PostedMessage(channel, ts, newText, newBlocks, newAttachments, threadTs, metadata, unfurlLinks,
        editTs, via);
  }

  /** The {@code message} object of chat.postMessage / chat.update answers. */
  ObjectNode toSlackJson(SlackIdentity bot) {
    ObjectNode m = Json.object();
    m.put("type", "message").put("text", text).put("user", bot.botUserId()).put("bot_id", bot.botId())
        .put("app_id", bot.appId()).put("team", bot.teamId()).put("ts", ts);
    if (blocks != null) {
      m.set("blocks", blocks);
    }
    if (attachments != null) {
      m.set("attachments", attachments);
    }
    if (threadTs != null) {
      m.put("thread_ts", threadTs);
    }
    if (metadata != null) {
      m.set("metadata", metadata);
    }
    if (edited != null) {
      m.putObject("edited").put("user", bot.botUserId()).put("ts", edited);
    }
    m.putObject("bot_profile").put("id", bot.botId()).put("app_id", bot.appId()).put("name", "Activation Suite")
        .put("deleted", false).put("team_id", bot.teamId()).put("updated", 1_700_000_000L);
    return m;
  }

  /** The inspection view (sandbox control endpoint). */
  ObjectNode toInspectionJson() {
    ObjectNode m = Json.object();
    m.put("channel", channel).put("ts", ts).put("text", text);
    m.set("blocks", blocks);
    m.set("attachments", attachments);
    m.put("thread_ts", threadTs);
    m.set("metadata", metadata);
    m.put("unfurl_links", unfurlLinks).put("edited", edited).put("via", via);
    return m;
  }
}
