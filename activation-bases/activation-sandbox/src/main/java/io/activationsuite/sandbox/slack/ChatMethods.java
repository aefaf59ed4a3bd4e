package io.activationsuite.sandbox.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sandbox.Json;
import io.activationsuite.sandbox.SandboxRequest;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code chat.postMessage}, {@code chat.update} and {@code chat.delete}: channel resolution (id, name,
 * or a user id for a DM), membership and archive checks, the per-channel posting limit, and the message
 * checks Slack makes ({@code no_text}, Block Kit, attachments, metadata, text length).
 */
final class ChatMethods {

  private final SlackWorkspace workspace;
  private final SlackAuth auth;
  private final SlackRateLimiter limiter;
  private final SlackSettings settings;

  ChatMethods(SlackWorkspace workspace, SlackAuth auth, SlackRateLimiter limiter, SlackSettings settings) {
    this.workspace = workspace;
    this.auth = auth;
    this.limiter = limiter;
    this.settings = settings;
  }

  /** A channel the bot may post to, or the error Slack gives. */
  SlackResult<SlackChannel> postableChannel(String idOrName, SlackAuth.Principal who) {
    if (idOrName != null && (idOrName.startsWith("U") || idOrName.startsWith("W"))) {
      Optional<SlackUser> user = workspace.user(idOrName);
      if (user.isPresent()) {
        return user.get().deleted() ? SlackResult.error("user_disabled")
            : SlackResult.ok(workspace.openIm(user.get()));
      }
    }
    Optional<SlackChannel> channel = workspace.channel(idOrName).filter(SlackChannel::visibleToBot);
    if (channel.isEmpty()) {
      return SlackResult.error("channel_not_found");
    }
    if (channel.get().archived()) {
      return SlackResult.error("is_archived");
    }
    if (!channel.get().botMember() && !who.scopes().contains("chat:write.public")) {
      return SlackResult.error("not_in_channel");
    }
    return SlackResult.ok(channel.get());
  }

  SlackAnswer postMessage(SandboxRequest request, SlackParams params, SlackAuth.Principal who) {
    Optional<ObjectNode> scope = auth.requireScope(who, "chat:write");
    if (scope.isPresent()) {
      return SlackAnswer.of(scope.get());
    }
    SlackResult<SlackChannel> channel = postableChannel(params.text("channel"), who);
    if (channel.failed()) {
      return SlackAnswer.of(channel.error());
    }
    OptionalLong wait = limiter.admitPost(channel.value().id());
    if (wait.isPresent()) {
      return SlackAnswer.rateLimited(wait.getAsLong());
    }
    SlackResult<Content> content = content(params, true);
    if (content.failed()) {
      return SlackAnswer.of(content.error());
    }
    JsonNode metadata;
    try {
      metadata = params.json("metadata");
    } catch (Json.MalformedJsonException e) {
      return SlackAnswer.error("invalid_metadata_format");
    }
    if (metadata != null && (!metadata.path("event_type").isTextual() || !metadata.path("event_payload").isObject())) {
      return SlackAnswer.error("invalid_metadata_format");
    }
    Content c = content.value();
    PostedMessage message = workspace.post(channel.value().id(), c.text(), c.blocks(), c.attachments(),
        params.text("thread_ts"), metadata, params.bool("unfurl_links", false), "web_api");
    ObjectNode body = ok();
    body.put("channel", message.channel()).put("ts", message.ts());
    body.set("message", message.toSlackJson(SlackIdentity.SANDBOX));
    return SlackAnswer.of(withCharsetWarning(request, body));
  }

  SlackAnswer update(SandboxRequest request, SlackParams params, SlackAuth.Principal who) {
    Optional<ObjectNode> scope = auth.requireScope(who, "chat:write");
    if (scope.isPresent()) {
      return SlackAnswer.of(scope.get());
    }
    SlackResult<PostedMessage> found = existing(params);
    if (found.failed()) {
      return SlackAnswer.of(found.error());
    }
    SlackResult<Content> content = content(params, false);
    if (content.failed()) {
      return SlackAnswer.of(content.error());
    }
    Content c = content.value();
    PostedMessage updated = workspace.replace(found.value().edit(c.text(), c.blocks(), c.attachments(),
        workspace.nextTs()));
    ObjectNode body = ok();
    body.put("channel", updated.channel()).put("ts", updated.ts()).put("text", updated.text());
    body.set("message", updated.toSlackJson(SlackIdentity.SANDBOX));
    return SlackAnswer.of(withCharsetWarning(request, body));
  }

  SlackAnswer delete(SandboxRequest request, SlackParams params, SlackAuth.Principal who) {
    Optional<ObjectNode> scope = auth.requireScope(who, "chat:write");
    if (scope.isPresent()) {
      return SlackAnswer.of(scope.get());
    }
    SlackResult<PostedMessage> found = existing(params);
    if (found.failed()) {
      return SlackAnswer.of(found.error());
    }
    workspace.delete(found.value());
    ObjectNode body = ok();
    body.put("channel", found.value().channel()).put("ts", found.value().ts());
    return SlackAnswer.of(body);
  }

  private SlackResult<PostedMessage> existing(SlackParams params) {
    Optional<SlackChannel> channel = workspace.channel(params.text("channel")).filter(SlackChannel::visibleToBot);
    if (channel.isEmpty()) {
      return SlackResult.error("channel_not_found");
    }
    if (channel.get().archived()) {
      return SlackResult.error("is_archived");
    }
    String ts = params.text("ts");
    return workspace.message(channel.get().id(), ts == null ? "" : ts)
        .map(SlackResult::ok).orElseGet(() -> SlackResult.error("message_not_found"));
  }

  /** What a message says: text (truncated), blocks and attachments, validated. */
  private record Content(String text, JsonNode blocks, JsonNode attachments) {
  }

  private SlackResult<Content> content(SlackParams params, boolean posting) {
    JsonNode blocks;
    JsonNode attachments;
    try {
      blocks = params.json("blocks");
    } catch (Json.MalformedJsonException e) {
      return SlackResult.error("invalid_blocks_format");
    }
    try {
      attachments = params.json("attachments");
    } catch (Json.MalformedJsonException e) {
      return SlackResult.error("invalid_attachments");
    }
    String text = params.text("text");
    boolean emptyBlocks = blocks == null || (blocks.isArray() && blocks.isEmpty());
    boolean emptyAttachments = attachments == null || (attachments.isArray() && attachments.isEmpty());
    if ((text == null || text.isBlank()) && emptyBlocks && emptyAttachments) {
      return SlackResult.error("no_text");
    }
    if (!emptyBlocks) {
      Optional<ObjectNode> invalid = BlockKitValidator.validate(blocks);
      if (invalid.isPresent()) {
        return SlackResult.error(invalid.get());
      }
    }
    if (!emptyAttachments && (!attachments.isArray() || attachments.size() > SlackLimits.MAX_ATTACHMENTS)) {
      return SlackResult.error(attachments.isArray() ? "too_many_attachments" : "invalid_attachments");
    }
    if (text != null && text.length() > settings.maxTextLength()) {
      return SlackResult.error("msg_too_long");
    }
    if (text != null && text.length() > SlackLimits.TEXT_TRUNCATED_AT) {
      text = text.substring(0, SlackLimits.TEXT_TRUNCATED_AT);
    }
    return SlackResult.ok(new Content(text == null ? "" : text, emptyBlocks ? null : blocks,
        emptyAttachments ? null : attachments));
  }

  static ObjectNode ok() {
    ObjectNode body = Json.object();
    body.put("ok", true);
    return body;
  }

  /** Slack warns about a JSON body without a charset (and still accepts it). */
  private static ObjectNode withCharsetWarning(SandboxRequest request, ObjectNode body) {
    String type = request.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
    if (type.startsWith("application/json") && !type.contains("charset")) {
      body.put("warning", "missing_charset");
      body.putObject("response_metadata").putArray("warnings").add("missing_charset");
    }
    return body;
  }
}
