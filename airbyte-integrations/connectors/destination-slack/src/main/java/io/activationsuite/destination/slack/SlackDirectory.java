package io.activationsuite.destination.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.protocol.errors.ConfigErrorException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds where messages go, cached for the session: a channel by id or name (conversations.info, or the
 * channel list for names, joining a public channel the bot is not in when it may), and a user's DM by email
 * (users.lookupByEmail then conversations.open). Negative answers are cached too, so a thousand rows for
 * an unknown owner cost one lookup.
 */
final class SlackDirectory {

  /** Where a message goes, or why it cannot go there. */
  record Target(String channelId, String problem) {
    static Target of(String id) {
      return new Target(id, null);
    }

    static Target refused(String problem) {
      return new Target(null, problem);
    }
  }

  private final SlackApi api;
  private final Map<String, Target> channels = new ConcurrentHashMap<>();
  private final Map<String, Target> users = new ConcurrentHashMap<>();
  private volatile Map<String, String> idsByName;

  SlackDirectory(SlackApi api) {
    this.api = api;
  }

  /** The channel named by an id, {@code #name} or name. */
  Target channel(String idOrName) throws InterruptedException {
    String key = idOrName.trim();
    Target cached = channels.get(key);
    if (cached != null) {
      return cached;
    }
    Target resolved = resolveChannel(key);
    channels.put(key, resolved);
    return resolved;
  }

  private Target resolveChannel(String key) throws InterruptedException {
    String name = key.startsWith("#") ? key.substring(1) : key;
    String id = looksLikeId(name) ? name : idsByName().get(name.toLowerCase(Locale.ROOT));
    String notFound = "Slack has no channel " + key + " the app can see. Check the name; if the channel is "
        + "private, invite the app to it (/invite @your-app in the channel).";
    if (id == null) {
      return Target.refused(notFound);
    }
    JsonNode info = api.call("conversations.info", args().put("channel", id));
    if (!info.path("ok").asBoolean()) {
      return Target.refused("channel_not_found".equals(info.path("error").asText()) ? notFound
          : "Slack refused channel " + key + ": " + info.path("error").asText());
    }
    JsonNode channel = info.path("channel");
    if (channel.path("is_archived").asBoolean()) {
      return Target.refused("Channel " + key + " is archived; unarchive it or choose another channel.");
    }
    if (!channel.path("is_member").asBoolean(true) && !channel.path("is_im").asBoolean()) {
      JsonNode joined;
      try {
        joined = api.call("conversations.join", args().put("channel", id));
      } catch (ConfigErrorException e) {
        return Target.refused("The app is not a member of " + key + " and may not join channels. Invite it "
            + "(/invite @your-app in the channel) or give the app the channels:join scope.");
      }
      if (!joined.path("ok").asBoolean()) {
        return Target.refused("The app is not a member of " + key + " and could not join it ("
            + joined.path("error").asText() + "). Invite it (/invite @your-app in the channel).");
      }
    }
    return Target.of(id);
  }

  private static boolean looksLikeId(String name) {
    return name.matches("[CGD][A-Z0-9]{6,}");
  }

  private Map<String, String> idsByName() throws InterruptedException {
    Map<String, String> names = idsByName;
    if (names != null) {
      return names;
    }
    Map<String, String> found = new ConcurrentHashMap<>();
    String cursor = "";
    do {
      JsonNode page = api.call("conversations.list", args().put("types", "public_channel,private_channel")
          .put("limit", 1000).put("cursor", cursor));
      if (!page.path("ok").asBoolean()) {
        break;
      }
      for (JsonNode channel : page.path("channels")) {
        found.put(channel.path("name").asText().toLowerCase(Locale.ROOT), channel.path("id").asText());
      }
      cursor = page.path("response_metadata").path("next_cursor").asText("");
    } while (!cursor.isEmpty());
    idsByName = found;
    return found;
  }

  /** The DM channel of the Slack user with this email. */
  Target directMessage(String email) throws InterruptedException {
    String key = email.trim().toLowerCase(Locale.ROOT);
    Target cached = users.get(key);
    if (cached != null) {
      return cached;
    }
    Target resolved = resolveUser(key);
    users.put(key, resolved);
    return resolved;
  }

  /** The mention ({@code <@U...>}) of the user with this email, if Slack has one. */
  Optional<String> mention(String email) throws InterruptedException {
    Optional<String> user = userId(email.trim().toLowerCase(Locale.ROOT));
    return user.map(id -> "<@" + id + ">");
  }

  private final Map<String, Optional<String>> userIds = new ConcurrentHashMap<>();

  private Optional<String> userId(String email) throws InterruptedException {
    Optional<String> cached = userIds.get(email);
    if (cached != null) {
      return cached;
    }
    JsonNode found = api.call("users.lookupByEmail", args().put("email", email));
    Optional<String> id = found.path("ok").asBoolean() && !found.path("user").path("deleted").asBoolean()
        ? Optional.of(found.path("user").path("id").asText()) : Optional.empty();
    userIds.put(email, id);
    return id;
  }

  private Target resolveUser(String email) throws InterruptedException {
    Optional<String> user = userId(email);
    if (user.isEmpty()) {
      return Target.refused("No active Slack account has the email " + email + " in this workspace.");
    }
    JsonNode open = api.call("conversations.open", args().put("users", user.get()));
    if (!open.path("ok").asBoolean()) {
      return Target.refused("Slack cannot open a direct message with " + email + ": " + open.path("error").asText());
    }
    return Target.of(open.path("channel").path("id").asText());
  }

  private static ObjectNode args() {
    return JsonNodeFactory.instance.objectNode();
  }
}
