package io.activationsuite.sandbox.slack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The read and membership methods: {@code auth.test}, {@code conversations.list} / {@code .info} /
 * {@code .join} / {@code .open}, {@code users.lookupByEmail} and {@code users.list}, with Slack's cursor
 * paging ({@code limit}, {@code cursor}, {@code response_metadata.next_cursor}) and per-type scopes.
 */
final class DirectoryMethods {

  private final SlackWorkspace workspace;
  private final SlackAuth auth;
  private final String baseUrl;

  DirectoryMethods(SlackWorkspace workspace, SlackAuth auth, String baseUrl) {
    this.workspace = workspace;
    this.auth = auth;
    this.baseUrl = baseUrl;
  }

  SlackAnswer authTest(SlackParams params, SlackAuth.Principal who) {
    SlackIdentity id = SlackIdentity.SANDBOX;
    ObjectNode body = ChatMethods.ok();
    body.put("url", baseUrl + "/").put("team", id.teamName()).put("user", "activation-suite")
        .put("team_id", id.teamId()).put("user_id", id.botUserId()).put("bot_id", id.botId())
        .put("is_enterprise_install", false);
    return SlackAnswer.of(body);
  }

  SlackAnswer conversationsList(SlackParams params, SlackAuth.Principal who) {
    String types = params.text("types") == null ? "public_channel" : params.text("types");
    List<String> wanted = List.of(types.split("\\s*,\\s*"));
    for (String type : wanted) {
      String scope = switch (type) {
        case "public_channel" -> "channels:read";
        case "private_channel" -> "groups:read";
        case "im" -> "im:read";
        case "mpim" -> "mpim:read";
        default -> null;
      };
      if (scope == null) {
        return SlackAnswer.error("invalid_types");
      }
      Optional<ObjectNode> missing = auth.requireScope(who, scope);
      if (missing.isPresent()) {
        return SlackAnswer.of(missing.get());
      }
    }
    boolean excludeArchived = params.bool("exclude_archived", false);
    List<SlackChannel> matching = workspace.channels().stream()
        .filter(SlackChannel::visibleToBot)
        .filter(c -> wanted.contains(c.im() ? "im" : c.isPrivate() ? "private_channel" : "public_channel"))
        .filter(c -> !(excludeArchived && c.archived()))
        .toList();
    return page(params, matching, "channels", c -> c.toJson(SlackIdentity.SANDBOX.botUserId()));
  }

  SlackAnswer conversationsInfo(SlackParams params, SlackAuth.Principal who) {
    Optional<SlackChannel> channel = workspace.channel(params.text("channel")).filter(SlackChannel::visibleToBot);
    if (channel.isEmpty()) {
      return SlackAnswer.error("channel_not_found");
    }
    Optional<ObjectNode> missing = auth.requireScope(who, scopeOf(channel.get()));
    if (missing.isPresent()) {
      return SlackAnswer.of(missing.get());
    }
    ObjectNode body = ChatMethods.ok();
    body.set("channel", channel.get().toJson(SlackIdentity.SANDBOX.botUserId()));
    return SlackAnswer.of(body);
  }

  SlackAnswer conversationsJoin(SlackParams params, SlackAuth.Principal who) {
    Optional<ObjectNode> missing = auth.requireScope(who, "channels:join");
    if (missing.isPresent()) {
      return SlackAnswer.of(missing.get());
    }
    Optional<SlackChannel> channel = workspace.channel(params.text("channel")).filter(SlackChannel::visibleToBot);
    if (channel.isEmpty()) {
      return SlackAnswer.error("channel_not_found");
    }
    if (channel.get().isPrivate()) {
      return SlackAnswer.error("method_not_supported_for_channel_type");
    }
    if (channel.get().archived()) {
      return SlackAnswer.error("is_archived");
    }
    ObjectNode body = ChatMethods.ok();
    if (channel.get().botMember()) {
      body.put("warning", "already_in_channel");
      body.putObject("response_metadata").putArray("warnings").add("already_in_channel");
      body.set("channel", channel.get().toJson(SlackIdentity.SANDBOX.botUserId()));
    } else {
      body.set("channel", workspace.join(channel.get()).toJson(SlackIdentity.SANDBOX.botUserId()));
    }
    return SlackAnswer.of(body);
  }

  SlackAnswer conversationsOpen(SlackParams params, SlackAuth.Principal who) {
    Optional<ObjectNode> missing = auth.requireScope(who, "im:write");
    if (missing.isPresent()) {
      return SlackAnswer.of(missing.get());
    }
    String users = params.text("users");
    if (users == null) {
      return SlackAnswer.error(params.text("channel") == null ? "users_list_not_supplied" : "channel_not_found");
    }
    if (users.contains(",")) {
      return SlackAnswer.error("not_supported");
    }
    Optional<SlackUser> user = workspace.user(users.trim());
    if (user.isEmpty()) {
      return SlackAnswer.error("user_not_found");
    }
    if (user.get().deleted()) {
      return SlackAnswer.error("user_disabled");
    }
    boolean existed = workspace.channel("D" + user.get().id().substring(1)).isPresent();
    SlackChannel im = workspace.openIm(user.get());
    ObjectNode body = ChatMethods.ok();
    body.put("no_op", existed).put("already_open", existed);
    if (params.bool("return_im", false)) {
      body.set("channel", im.toJson(SlackIdentity.SANDBOX.botUserId()));
    } else {
      body.putObject("channel").put("id", im.id());
    }
    return SlackAnswer.of(body);
  }

  SlackAnswer lookupByEmail(SlackParams params, SlackAuth.Principal who) {
    Optional<ObjectNode> missing = auth.requireScope(who, "users:read.email");
    if (missing.isPresent()) {
      return SlackAnswer.of(missing.get());
    }
    String email = params.text("email");
    if (email == null) {
      return SlackAnswer.error("invalid_arguments");
    }
    Optional<SlackUser> user = workspace.userByEmail(email).filter(u -> !u.deleted());
    if (user.isEmpty()) {
      return SlackAnswer.error("users_not_found");
    }
    ObjectNode body = ChatMethods.ok();
    body.set("user", user.get().toJson(SlackIdentity.SANDBOX.teamId(), true));
    return SlackAnswer.of(body);
  }

  SlackAnswer usersList(SlackParams params, SlackAuth.Principal who) {
    Optional<ObjectNode> missing = auth.requireScope(who, "users:read");
    if (missing.isPresent()) {
      return SlackAnswer.of(missing.get());
    }
    boolean emails = who.scopes().contains("users:read.email");
    SlackAnswer answer = page(params, workspace.users(), "members",
        u -> u.toJson(SlackIdentity.SANDBOX.teamId(), emails));
    if (answer.body().path("ok").asBoolean()) {
      answer.body().put("cache_ts", 1_700_000_000L);
    }
    return answer;
  }

  private static <T> SlackAnswer page(SlackParams params, List<T> all, String field, Function<T, ObjectNode> json) {
    int limit = params.integer("limit", 100);
    if (limit < 1) {
      limit = 100;
    }
    if (limit > 1_000) {
      return SlackAnswer.error("invalid_limit");
    }
    int start = 0;
    String cursor = params.text("cursor");
    if (cursor != null) {
      try {
        String decoded = new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8);
        if (!decoded.startsWith("next:")) {
          return SlackAnswer.error("invalid_cursor");
        }
        start = Integer.parseInt(decoded.substring(5));
      } catch (IllegalArgumentException e) {
        return SlackAnswer.error("invalid_cursor");
      }
      if (start < 0 || start > all.size()) {
        return SlackAnswer.error("invalid_cursor");
      }
    }
    int end = Math.min(all.size(), start + limit);
    ObjectNode body = ChatMethods.ok();
    ArrayNode items = body.putArray(field);
    new ArrayList<>(all.subList(start, end)).forEach(item -> items.add(json.apply(item)));
    String next = end < all.size()
        ? Base64.getEncoder().encodeToString(("next:" + end).getBytes(StandardCharsets.UTF_8)) : "";
    body.putObject("response_metadata").put("next_cursor", next);
    return SlackAnswer.of(body);
  }

  private static String scopeOf(SlackChannel channel) {
    return channel.im() ? "im:read" : channel.isPrivate() ? "groups:read" : "channels:read";
  }

  /** Scopes the emulator knows, for the sandbox documentation and tests. */
  static final Set<String> KNOWN_SCOPES = Set.of("chat:write", "chat:write.public", "channels:read",
      "groups:read", "im:read", "mpim:read", "channels:join", "im:write", "users:read", "users:read.email");
}
