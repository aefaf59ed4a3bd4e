package io.activationsuite.sandbox.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sandbox.Json;
import io.activationsuite.sandbox.SandboxRequest;
import io.activationsuite.sandbox.SandboxResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Incoming webhooks ({@code POST /services/T.../B.../secret}): one fixed channel per URL, a JSON body
 * (or a form {@code payload}) with {@code text} and/or {@code blocks}; success is a plain {@code ok},
 * failures real HTTP codes with a plain-text reason (400 {@code invalid_payload} / {@code no_text} /
 * {@code invalid_blocks}, 403 {@code invalid_token}, 404 {@code no_service}, 410
 * {@code channel_is_archived}, 429 with {@code Retry-After}), one message per second per URL.
 */
final class IncomingWebhooks {

  static final String PREFIX = "/services/";

  private final SlackWorkspace workspace;
  private final SlackRateLimiter limiter;
  private final Map<String, String> channelByPath = new LinkedHashMap<>();

  IncomingWebhooks(SlackWorkspace workspace, SlackRateLimiter limiter) {
    this.workspace = workspace;
    this.limiter = limiter;
    reset();
  }

  synchronized void reset() {
    channelByPath.clear();
    create("C0GENERAL01");
    create("C0FINANCE01");
  }

  /** Creates the webhook of a channel (idempotent) and returns its path. */
  synchronized String create(String channelId) {
    String path = PREFIX + SlackIdentity.SANDBOX.teamId() + "/BWH" + channelId.substring(1) + "/sandbox"
        + channelId.toLowerCase(Locale.ROOT) + "secret";
    channelByPath.put(path, channelId);
    return path;
  }

  synchronized Map<String, String> paths() {
    return Map.copyOf(channelByPath);
  }

  SandboxResponse handle(SandboxRequest request) {
    if (!"POST".equals(request.method())) {
      return SandboxResponse.text(405, "invalid_method");
    }
    String channelId;
    synchronized (this) {
      channelId = channelByPath.get(request.path());
    }
    if (channelId == null) {
      String[] parts = request.path().substring(PREFIX.length()).split("/");
      return parts.length == 3 && parts[0].equals(SlackIdentity.SANDBOX.teamId())
          ? SandboxResponse.text(403, "invalid_token") : SandboxResponse.text(404, "no_service");
    }
    Optional<SlackChannel> channel = workspace.channel(channelId);
    if (channel.isEmpty()) {
      return SandboxResponse.text(404, "channel_not_found");
    }
    if (channel.get().archived()) {
      return SandboxResponse.text(410, "channel_is_archived");
    }
    JsonNode payload;
    try {
      String type = request.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
      payload = type.startsWith("application/x-www-form-urlencoded")
          ? Json.parse(request.formParams().getOrDefault("payload", "").getBytes(
              java.nio.charset.StandardCharsets.UTF_8))
          : request.bodyJson();
    } catch (Json.MalformedJsonException e) {
      return SandboxResponse.text(400, "invalid_payload");
    }
    if (!payload.isObject()) {
      return SandboxResponse.text(400, "invalid_payload");
    }
    String text = payload.path("text").asText("");
    JsonNode blocks = payload.get("blocks");
    boolean noBlocks = blocks == null || blocks.isNull() || (blocks.isArray() && blocks.isEmpty());
    if (text.isBlank() && noBlocks) {
      return SandboxResponse.text(400, "no_text");
    }
    if (!noBlocks) {
      Optional<ObjectNode> invalid = BlockKitValidator.validate(blocks);
      if (invalid.isPresent()) {
        return SandboxResponse.text(400, invalid.get().path("error").asText());
      }
    }
    OptionalLong wait = limiter.admitPost("webhook:" + request.path());
    if (wait.isPresent()) {
      return SandboxResponse.text(429, "rate_limited").withHeader("Retry-After", Long.toString(wait.getAsLong()));
    }
    workspace.post(channelId, text.length() > SlackLimits.TEXT_TRUNCATED_AT
        ? text.substring(0, SlackLimits.TEXT_TRUNCATED_AT) : text, noBlocks ? null : blocks, null,
        payload.path("thread_ts").asText(null), null, payload.path("unfurl_links").asBoolean(false), "webhook");
    return SandboxResponse.text(200, "ok");
  }
}
