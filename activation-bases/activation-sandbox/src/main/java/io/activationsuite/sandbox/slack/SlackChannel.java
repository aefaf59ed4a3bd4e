package io.activationsuite.sandbox.slack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sandbox.Json;

/**
 * A conversation of the emulated workspace: public or private channel, or a direct message (IM) with one
 * user. Immutable; membership and archiving produce copies.
 *
 * @param id Slack id ({@code C...} public, {@code G...} private, {@code D...} IM)
 * @param name channel name without {@code #} (the user id for an IM)
 * @param isPrivate private channel
 * @param im direct message with {@link #imUser()}
 * @param imUser the other user of an IM, else null
 * @param archived archived channel (reads work, posts fail with {@code is_archived})
 * @param botMember whether the app's bot user is a member
 * @param created creation time, epoch seconds
 * @param members number of members reported
 */
record SlackChannel(String id, String name, boolean isPrivate, boolean im, String imUser, boolean archived,
    boolean botMember, long created, int members) {

  SlackChannel withBotMember(boolean value) {
    return new SlackChannel(id, name, isPrivate, im, imUser, archived, value, created, members + (value ? 1 : 0));
  }

  /** Whether the bot may see it at all: public channels always, private ones and IMs only as a member. */
  boolean visibleToBot() {
    return !isPrivate || botMember;
  }

  /** The conversation object of conversations.list / info / join. */
  ObjectNode toJson(String creator) {
    ObjectNode c = Json.object();
    c.put("id", id);
    if (im) {
      c.put("created", created).put("is_im", true).put("is_org_shared", false).put("user", imUser)
          .put("is_user_deleted", false).put("priority", 0);
      return c;
    }
    c.put("name", name).put("is_channel", !isPrivate).put("is_group", isPrivate).put("is_im", false)
        .put("is_mpim", false).put("is_private", isPrivate).put("created", created).put("is_archived", archived)
        .put("is_general", "general".equals(name)).put("unlinked", 0).put("name_normalized", name)
        .put("is_shared", false).put("is_org_shared", false).put("is_pending_ext_shared", false)
        .put("is_ext_shared", false).put("is_member", botMember).put("creator", creator)
        .put("updated", created * 1000).put("num_members", members);
    c.putArray("pending_shared");
    c.putArray("shared_team_ids");
    c.putObject("topic").put("value", "").put("creator", "").put("last_set", 0);
    c.putObject("purpose").put("value", "Sandbox channel " + name).put("creator", creator).put("last_set", created);
    c.putArray("previous_names");
    return c;
  }
}
