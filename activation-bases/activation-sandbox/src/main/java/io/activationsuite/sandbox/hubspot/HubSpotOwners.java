package io.activationsuite.sandbox.hubspot;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sandbox.Json;
import io.activationsuite.sandbox.SandboxRequest;
import io.activationsuite.sandbox.SandboxResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * The account's owners (the users records are assigned to) and {@code GET /crm/v3/owners}: filtered by
 * {@code email} (exact, case-insensitive), {@code archived} (default false), paged with {@code limit}
 * (default 100, at most 500) and the {@code after} cursor, answered as HubSpot does ({@code results},
 * {@code paging.next.after} and {@code link} while more remain). Four active owners (alice, bob, carol,
 * dave {@code @example.com}, ids 101-104, as in the demo's data) and one archived (erin, 105). Their ids are
 * the options of the {@code hubspot_owner_id} property.
 */
public final class HubSpotOwners {
  /** The seeded owners: id, email, first name, last name, archived. */
  static final List<Owner> OWNERS = List.of(
      new Owner("101", "alice@example.com", "Alice", "Martin", false),
      new Owner("102", "bob@example.com", "Bob", "Chen", false),
      new Owner("103", "carol@example.com", "Carol", "Diaz", false),
      new Owner("104", "dave@example.com", "Dave", "Okafor", false),
      new Owner("105", "erin@example.com", "Erin", "Novak", true));
  private static final String CREATED = "2024-01-15T09:30:00.000Z";

  /** One owner. */
  record Owner(String id, String email, String firstName, String lastName, boolean archived) {}

  private HubSpotOwners() {}

  /** The options of {@code hubspot_owner_id}: every active owner, labelled "First Last (email)". */
  static String[] ownerOptions() {
    return OWNERS.stream().filter(o -> !o.archived())
        .map(o -> o.id() + ":" + o.firstName() + " " + o.lastName() + " (" + o.email() + ")")
        .toArray(String[]::new);
  }

  /** Answers {@code GET /crm/v3/owners}. */
  static SandboxResponse list(SandboxRequest request, HubSpotErrors errors) {
    int limit;
    int after;
    try {
      limit = Integer.parseInt(request.queryParam("limit").orElse("100"));
      after = Integer.parseInt(request.queryParam("after").orElse("0"));
    } catch (NumberFormatException e) {
      return errors.validation("limit and after must be integers");
    }
    if (limit < 1 || limit > 500 || after < 0) {
      return errors.validation("limit must be between 1 and 500 and after must not be negative");
    }
    boolean archived = Boolean.parseBoolean(request.queryParam("archived").orElse("false"));
    String email = request.queryParam("email").orElse(null);
    List<Owner> matching = new ArrayList<>();
    for (Owner owner : OWNERS) {
      if (owner.archived() == archived && (email == null || owner.email().equalsIgnoreCase(email.trim()))) {
        matching.add(owner);
      }
    }
    ObjectNode body = Json.object();
    ArrayNode results = body.putArray("results");
    int end = Math.min(matching.size(), after + limit);
    for (Owner owner : matching.subList(Math.min(after, matching.size()), end)) {
      ObjectNode node = results.addObject().put("id", owner.id()).put("email", owner.email())
          .put("type", "PERSON").put("firstName", owner.firstName()).put("lastName", owner.lastName())
          .put("userId", 9000 + Integer.parseInt(owner.id())).put("userIdIncludingInactive",
              9000 + Integer.parseInt(owner.id()))
          .put("createdAt", CREATED).put("updatedAt", CREATED).put("archived", owner.archived());
      node.putArray("teams");
    }
    if (end < matching.size()) {
      body.putObject("paging").putObject("next").put("after", Integer.toString(end))
          .put("link", "?after=" + end);
    }
    return SandboxResponse.json(200, body);
  }
}
