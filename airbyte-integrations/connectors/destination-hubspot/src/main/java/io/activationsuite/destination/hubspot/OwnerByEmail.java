package io.activationsuite.destination.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.protocol.errors.ConfigErrorException;
import io.activationsuite.protocol.errors.SystemErrorException;
import io.activationsuite.sink.api.FieldType;
import io.activationsuite.sink.api.Lookup;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code owner_by_email} lookup, for {@code hubspot_owner_id}: the id of the active (not archived) HubSpot
 * owner with that email, from the CRM owners API ({@code GET /crm/v3/owners?email=}, one call per email,
 * following {@code paging.next.after}). Needs the scope {@code crm.objects.owners.read}.
 */
final class OwnerByEmail {
  private OwnerByEmail() {}

  /** The lookup, answered with {@code http}. */
  static Lookup lookup(HubSpotHttp http) {
    return new Lookup("owner_by_email", "the id of the active HubSpot owner with this email (for hubspot_owner_id)",
        FieldType.EMAIL, "active HubSpot owner with email", emails -> find(http, emails));
  }

  private static Map<String, String> find(HubSpotHttp http, Set<String> emails) throws Exception {
    Map<String, String> ids = new HashMap<>();
    for (String email : emails) {
      String after = null;
      do {
        HubSpotResponse response = http.get("/crm/v3/owners/?email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
            + "&archived=false&limit=100" + (after == null ? "" : "&after=" + URLEncoder.encode(after,
                StandardCharsets.UTF_8)));
        if (response.status() == 401 || response.status() == 403) {
          throw new ConfigErrorException(ResponseErrors.forbidden(response.body(),
              "look up owners by email (owner_by_email, scope crm.objects.owners.read)"));
        }
        if (!response.successful()) {
          throw new SystemErrorException("Could not look up HubSpot owners by email: " + response.message());
        }
        for (JsonNode owner : response.body().path("results")) {
          if (owner.path("email").asText().equalsIgnoreCase(email) && !owner.path("archived").asBoolean()) {
            ids.putIfAbsent(email.toLowerCase(Locale.ROOT), owner.path("id").asText());
          }
        }
        JsonNode next = response.body().at("/paging/next/after");
        after = next.isMissingNode() || ids.containsKey(email.toLowerCase(Locale.ROOT)) ? null : next.asText();
      } while (after != null);
    }
    return ids;
  }
}
