package io.activationsuite.sandbox.slack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sandbox.Json;

/**
 * A member of the emulated workspace.
 *
 * @param id Slack user id ({@code U...})
 * @param name handle
 * @param realName display name
 * @param email profile email (null for bots)
 * @param deleted deactivated account
 * @param bot a bot user
 */
record SlackUser(String id, String name, String realName, String email, boolean deleted, boolean bot) {

  /** The user object of users.list / users.lookupByEmail; the email only with {@code users:read.email}. */
  ObjectNode toJson(String teamId, boolean withEmail) {
    ObjectNode u = Json.object();
    u.put("id", id).put("team_id", teamId).put("name", name).put("deleted", deleted).put("color", "9f69e7")
        .put("real_name", realName).put("tz", "Europe/London").put("tz_label", "Greenwich Mean Time")
        .put("tz_offset", 0).put("is_admin", false).put("is_owner", false).put("is_primary_owner", false)
        .put("is_restricted", false).put("is_ultra_restricted", false).put("is_bot", bot)
        .put("is_app_user", false).put("updated", 1_700_000_000L);
    ObjectNode profile = u.putObject("profile");
    profile.put("real_name", realName).put("display_name", name).put("real_name_normalized", realName)
        .put("display_name_normalized", name).put("team", teamId).put("status_text", "").put("status_emoji", "");
    if (withEmail && email != null) {
      profile.put("email", email);
    }
    return u;
  }
}
