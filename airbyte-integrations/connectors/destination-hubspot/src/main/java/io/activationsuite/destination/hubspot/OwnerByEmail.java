package io.activationsuite.destination.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.protocol.errors.ConfigErrorException;
import io.activationsuite.protocol.errors.SystemErrorException;
import io.activationsuite.sink.api.FieldType;
import io.activationsuite.sink.api.Lookup;
import io.activationsuite.sink.lookup.PagedDirectory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code owner_by_email} lookup, for {@code hubspot_owner_id}: the id of the active (not archived) HubSpot
 * owner with that email. HubSpot has no batch read of owners, so the owners list ({@code GET /crm/v3/owners},
 * 500 a page) is read once per sync, at most {@link #MAX_PAGES} pages; only in a larger account are emails
 * missing from those pages asked one call each ({@code ?email=}). Needs the scope
 * {@code crm.objects.owners.read}, which {@code check} verifies when a mapping uses the lookup.
 */
final class OwnerByEmail {
  /** Owners pages read per sync (10,000 owners). */
  static final int MAX_PAGES = 20;
  static final String SCOPE = "crm.objects.owners.read";

  private OwnerByEmail() {}

  /** The lookup, answered with {@code http}; its check reads the token's scopes. */
  static Lookup lookup(HubSpotHttp http, HubSpotCredentials credentials) {
    PagedDirectory owners = new PagedDirectory(after -> page(http, "", after), MAX_PAGES, emails -> {
      Map<String, String> ids = new HashMap<>();
      for (String email : emails) {
        page(http, "&email=" + URLEncoder.encode(email, StandardCharsets.UTF_8), null).entries().forEach(
            (owner, id) -> {
              if (owner.equalsIgnoreCase(email)) {
                ids.put(email, id);
              }
            });
      }
      return ids;
    });
    return new Lookup("owner_by_email", "the id of the active HubSpot owner with this email (for hubspot_owner_id)",
        FieldType.EMAIL, "active HubSpot owner with email", owners).withCheck(() ->
        TokenScopes.of(http, credentials).contains(SCOPE) ? null : "the HubSpot app lacks the scope " + SCOPE
            + ", which reading owners needs. Add it to the app (and reinstall it for OAuth), then retry.");
  }

  /** One page of active owners (email -> id), filtered by {@code query}, from {@code after}. */
  private static PagedDirectory.Page page(HubSpotHttp http, String query, String after) throws Exception {
    HubSpotResponse response = http.get("/crm/v3/owners/?archived=false&limit=500" + query
        + (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8)));
    if (response.status() == 401 || response.status() == 403) {
      throw new ConfigErrorException(ResponseErrors.forbidden(response.body(),
          "look up owners by email (owner_by_email, scope " + SCOPE + ")"));
    }
    if (!response.successful()) {
      throw new SystemErrorException("Could not read the HubSpot owners: " + response.message());
    }
    Map<String, String> owners = new HashMap<>();
    for (JsonNode owner : response.body().path("results")) {
      if (owner.hasNonNull("email") && !owner.path("archived").asBoolean()) {
        owners.putIfAbsent(owner.path("email").asText(), owner.path("id").asText());
      }
    }
    JsonNode next = response.body().at("/paging/next/after");
    return new PagedDirectory.Page(owners, next.isMissingNode() || next.isNull() ? null : next.asText());
  }
}
