package io.activationsuite.sandbox.slack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sandbox.Json;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The state of the emulated workspace: channels (public, private, archived, IMs), users and every posted
 * message per channel. Seeded with a small fixed workspace; tests add channels and users through the
 * control endpoint. Every method is synchronised: handlers run concurrently on virtual threads.
 */
final class SlackWorkspace {

  private final Clock clock;
  private final Map<String, SlackChannel> channels = new LinkedHashMap<>();
  private final Map<String, SlackUser> users = new LinkedHashMap<>();
  private final Map<String, List<PostedMessage>> messages = new LinkedHashMap<>();
  private long lastTsMicros;
  private int nextId;

  SlackWorkspace(Clock clock) {
    this.clock = clock;
    seed();
  }

  synchronized void reset() {
    channels.clear();
    users.clear();
    messages.clear();
    lastTsMicros = 0;
    nextId = 0;
    seed();
  }

  private void seed() {
    long created = 1_600_000_000L;
    put(new SlackChannel("C0GENERAL01", "general", false, false, null, false, true, created, 12));
    put(new SlackChannel("C0FINANCE01", "finance-alerts", false, false, null, false, true, created, 5));
    put(new SlackChannel("C0SALES0001", "sales", false, false, null, false, true, created, 8));
    put(new SlackChannel("C0RANDOM001", "random", false, false, null, false, false, created, 12));
    put(new SlackChannel("C0ARCHIVED1", "old-announcements", false, false, null, true, true, created, 3));
    put(new SlackChannel("G0LEADERS01", "leadership", true, false, null, false, true, created, 4));
    put(new SlackChannel("G0SECRET001", "secret-projects", true, false, null, false, false, created, 2));
    user(new SlackUser("U0ALICE0001", "alice", "Alice Martin", "alice@example.com", false, false));
    user(new SlackUser("U0BOB000001", "bob", "Bob Chen", "bob@example.com", false, false));
    user(new SlackUser("U0CAROL0001", "carol", "Carol Diaz", "carol@example.com", false, false));
    user(new SlackUser("U0DAVE00001", "dave", "Dave Okafor", "dave@example.com", false, false));
    user(new SlackUser("U0ERIN00001", "erin", "Erin Novak", "erin@example.com", true, false));
    user(new SlackUser(SlackIdentity.SANDBOX.botUserId(), "activation-suite", "Activation Suite", null, false,
        true));
  }

  private void put(SlackChannel channel) {
    channels.put(channel.id(), channel);
  }

  private void user(SlackUser user) {
    users.put(user.id(), user);
  }

  /** Adds a channel (control endpoint); the id is derived from the name. */
  synchronized SlackChannel addChannel(String name, boolean isPrivate, boolean botMember, boolean archived) {
    String clean = name.startsWith("#") ? name.substring(1) : name;
    if (byName(clean).isPresent()) {
      throw new IllegalArgumentException("a channel named " + clean + " exists");
    }
    String id = (isPrivate ? "G" : "C") + String.format(Locale.ROOT, "1%09d", ++nextId);
    SlackChannel channel = new SlackChannel(id, clean, isPrivate, false, null, archived, botMember,
        clock.instant().getEpochSecond(), botMember ? 2 : 1);
    put(channel);
    return channel;
  }

  /** Adds a user (control endpoint). */
  synchronized SlackUser addUser(String name, String email, boolean deleted) {
    String id = "U" + String.format(Locale.ROOT, "1%09d", ++nextId);
    SlackUser user = new SlackUser(id, name, name, email, deleted, false);
    user(user);
    return user;
  }

  /** A channel by id, or by name with or without {@code #}. */
  synchronized Optional<SlackChannel> channel(String idOrName) {
    if (idOrName == null || idOrName.isBlank()) {
      return Optional.empty();
    }
    SlackChannel byId = channels.get(idOrName);
    if (byId != null) {
      return Optional.of(byId);
    }
    return byName(idOrName.startsWith("#") ? idOrName.substring(1) : idOrName);
  }

  private Optional<SlackChannel> byName(String name) {
    return channels.values().stream().filter(c -> !c.im() && c.name().equals(name)).findFirst();
  }

  synchronized List<SlackChannel> channels() {
    return new ArrayList<>(channels.values());
  }

  synchronized SlackChannel join(SlackChannel channel) {
    SlackChannel joined = channel.withBotMember(true);
    put(joined);
    return joined;
  }

  /** The IM with a user, opened on first use. */
  synchronized SlackChannel openIm(SlackUser user) {
    String id = "D" + user.id().substring(1);
    return channels.computeIfAbsent(id, k -> new SlackChannel(id, user.id(), true, true, user.id(), false, true,
        clock.instant().getEpochSecond(), 2));
  }

  synchronized Optional<SlackUser> user(String id) {
    return Optional.ofNullable(users.get(id));
  }

  synchronized Optional<SlackUser> userByEmail(String email) {
    return users.values().stream()
        .filter(u -> u.email() != null && u.email().equalsIgnoreCase(email.trim())).findFirst();
  }

  synchronized List<SlackUser> users() {
    return new ArrayList<>(users.values());
  }

  /** Stores a new message with a fresh, strictly increasing ts. */
  synchronized PostedMessage post(String channelId, String text, com.fasterxml.jackson.databind.JsonNode blocks,
      com.fasterxml.jackson.databind.JsonNode attachments, String threadTs,
      com.fasterxml.jackson.databind.JsonNode metadata, boolean unfurl, String via) {
    PostedMessage message = new PostedMessage(channelId, nextTs(), text, blocks, attachments, threadTs, metadata,
        unfurl, null, via);
    messages.computeIfAbsent(channelId, k -> new ArrayList<>()).add(message);
    return message;
  }

  synchronized Optional<PostedMessage> message(String channelId, String ts) {
    return messages.getOrDefault(channelId, List.of()).stream().filter(m -> m.ts().equals(ts)).findFirst();
  }

  synchronized PostedMessage replace(PostedMessage updated) {
    List<PostedMessage> list = messages.get(updated.channel());
    list.replaceAll(m -> m.ts().equals(updated.ts()) ? updated : m);
    return updated;
  }

  synchronized void delete(PostedMessage message) {
    messages.get(message.channel()).removeIf(m -> m.ts().equals(message.ts()));
  }

  synchronized String nextTs() {
    long micros = clock.instant().getEpochSecond() * 1_000_000L + clock.instant().getNano() / 1_000;
    lastTsMicros = Math.max(micros, lastTsMicros + 1);
    return String.format(Locale.ROOT, "%d.%06d", lastTsMicros / 1_000_000L, lastTsMicros % 1_000_000L);
  }

  /** Every posted message, in order, for inspection. */
  synchronized ArrayNode messagesJson() {
    return messagesJson((Boolean) null);
  }

  /** Posted messages in direct messages ({@code true}), in channels ({@code false}) or everywhere (null). */
  synchronized ArrayNode messagesJson(Boolean inDirectMessages) {
    ArrayNode all = Json.array();
    messages.forEach((channel, list) -> {
      boolean im = channels.containsKey(channel) && channels.get(channel).im();
      if (inDirectMessages == null || inDirectMessages == im) {
        list.forEach(m -> all.add(m.toInspectionJson()));
      }
    });
    return all;
  }

  /** Messages of one channel (id or name), for inspection. */
  synchronized Optional<ArrayNode> messagesJson(String channel) {
    return channel(channel).map(c -> {
      ArrayNode list = Json.array();
      messages.getOrDefault(c.id(), List.of()).forEach(m -> list.add(m.toInspectionJson()));
      return list;
    });
  }

  synchronized ObjectNode toJson() {
    ObjectNode all = Json.object();
    ArrayNode channelList = all.putArray("channels");
    channels.values().forEach(c -> channelList.add(c.toJson(SlackIdentity.SANDBOX.botUserId())));
    ArrayNode userList = all.putArray("users");
    users.values().forEach(u -> userList.add(u.toJson(SlackIdentity.SANDBOX.teamId(), true)));
    all.set("messages", messagesJson());
    return all;
  }
}
