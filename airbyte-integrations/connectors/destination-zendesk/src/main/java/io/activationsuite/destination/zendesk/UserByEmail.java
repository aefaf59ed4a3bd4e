package io.activationsuite.destination.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.protocol.errors.ConfigErrorException;
import io.activationsuite.protocol.errors.SystemErrorException;
import io.activationsuite.sink.api.FieldType;
import io.activationsuite.sink.api.Lookup;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Zendesk's lookups: {@code user_by_email} (any user: {@code requester_id}, {@code submitter_id}) and
 * {@code agent_by_email} (agents and admins: {@code assignee_id}), one {@code GET /api/v2/users/search} with
 * {@code query=email:"..."} per email.
 */
final class UserByEmail {
  private UserByEmail() {}

  /** Both lookups, answered with {@code http}. */
  static List<Lookup> lookups(ZendeskHttp http) {
    return List.of(
        new Lookup("user_by_email", "the id of the Zendesk user with this email (requester_id, submitter_id)",
            FieldType.EMAIL, "Zendesk user with email", emails -> find(http, emails, false)),
        new Lookup("agent_by_email", "the id of the Zendesk agent or admin with this email (assignee_id)",
            FieldType.EMAIL, "Zendesk agent with email", emails -> find(http, emails, true)));
  }

  private static Map<String, String> find(ZendeskHttp http, Set<String> emails, boolean agents) throws Exception {
    Map<String, String> ids = new HashMap<>();
    for (String email : emails) {
      String query = "email:\"" + email.replace("\"", "") + "\"";
      ZendeskHttp.Answer answer = http.call("GET", "/api/v2/users/search?query="
          + URLEncoder.encode(query, StandardCharsets.UTF_8), null);
      if (answer.status() == 401 || answer.status() == 403) {
        throw new ConfigErrorException("Zendesk refused to search users by email for a lookup (HTTP "
            + answer.status() + "): the credentials need the users:read scope (read for OAuth).");
      }
      if (answer.status() / 100 != 2) {
        throw new SystemErrorException("Could not look up Zendesk users by email (HTTP " + answer.status() + ")");
      }
      for (JsonNode user : answer.body().path("users")) {
        boolean agent = Set.of("agent", "admin").contains(user.path("role").asText());
        if (user.path("email").asText().equalsIgnoreCase(email) && (!agents || agent)
            && user.path("active").asBoolean(true)) {
          ids.putIfAbsent(email.toLowerCase(Locale.ROOT), user.path("id").asText());
        }
      }
    }
    return ids;
  }
}
