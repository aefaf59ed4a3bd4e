package io.activationsuite.sandbox.braze;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.activationsuite.sandbox.Json;
import io.activationsuite.sandbox.SandboxRequest;
import io.activationsuite.sandbox.SandboxResponse;
import java.util.List;
import java.util.Optional;

/**
 * The user endpoints besides {@code /users/track}: {@code /users/delete} (one kind of identifier, at most
 * 50), {@code /users/alias/new} (at most 50) and {@code /v2/subscription/status/set} (at most 50
 * identifiers per group entry). Each answers 201 with Braze's counters, or 400 with nothing done.
 */
final class UserAdminApi {

  static final int MAX_IDS = 50;

  private final UserStore store;
  private final BrazeSettings settings;

  UserAdminApi(UserStore store, BrazeSettings settings) {
    this.store = store;
    this.settings = settings;
  }

  SandboxResponse delete(SandboxRequest request) {
    Optional<JsonNode> body = object(request);
    if (body.isEmpty()) {
      return BrazeEmulator.message(400, "Bad Request: the request body must be a JSON object");
    }
    List<String> kinds = List.of("external_ids", "braze_ids", "user_aliases");
    List<String> given = kinds.stream().filter(body.get()::has).toList();
    if (given.size() != 1) {
      return BrazeEmulator.message(400, "Exactly one of external_ids, braze_ids or user_aliases is required");
    }
    JsonNode ids = body.get().get(given.get(0));
    if (!ids.isArray()) {
      return BrazeEmulator.message(400, "'" + given.get(0) + "' must be an array");
    }
    if (ids.size() > MAX_IDS) {
      return BrazeEmulator.message(400, "The max number of ids per request was exceeded");
    }
    int deleted = 0;
    synchronized (store.lock()) {
      for (JsonNode id : ids) {
        Optional<Profile> profile = switch (given.get(0)) {
          case "external_ids" -> store.byExternalId(id.asText());
          case "braze_ids" -> store.byBrazeId(id.asText());
          default -> store.byAlias(id.path("alias_label").asText(), id.path("alias_name").asText());
        };
        if (profile.isPresent()) {
          store.delete(profile.get());
          deleted++;
        }
      }
    }
    ObjectNode answer = Json.object().put("deleted", deleted).put("message", "success");
    return SandboxResponse.json(201, answer);
  }

  SandboxResponse newAlias(SandboxRequest request) {
    Optional<JsonNode> body = object(request);
    JsonNode aliases = body.map(b -> b.get("user_aliases")).orElse(null);
    if (aliases == null || !aliases.isArray()) {
      return BrazeEmulator.message(400, "'user_aliases' is required and must be an array");
    }
    if (aliases.size() > MAX_IDS) {
      return BrazeEmulator.message(400, "The max number of external_ids and aliases per request was exceeded");
    }
    int processed = 0;
    var errors = Json.array();
    synchronized (store.lock()) {
      for (int i = 0; i < aliases.size(); i++) {
        JsonNode alias = aliases.get(i);
        String name = alias.path("alias_name").asText("");
        String label = alias.path("alias_label").asText("");
        if (name.isBlank() || label.isBlank()) {
          errors.addObject().put("type", "'alias_name' and 'alias_label' are required").put("index", i);
          continue;
        }
        Profile profile;
        if (alias.hasNonNull("external_id")) {
          Optional<Profile> found = store.byExternalId(alias.get("external_id").asText());
          if (found.isEmpty()) {
            errors.addObject().put("type", "No user with external_id '" + alias.get("external_id").asText()
                + "' exists").put("index", i);
            continue;
          }
          profile = found.get();
        } else {
          profile = store.byAlias(label, name).orElseGet(store::create);
        }
        store.addAlias(profile, label, name);
        processed++;
      }
    }
    ObjectNode answer = Json.object().put("aliases_processed", processed).put("message", "success");
    if (!errors.isEmpty()) {
      answer.set("errors", errors);
    }
    return SandboxResponse.json(201, answer);
  }

  SandboxResponse setSubscriptionStatus(SandboxRequest request) {
    Optional<JsonNode> body = object(request);
    JsonNode groups = body.map(b -> b.get("subscription_groups")).orElse(null);
    if (groups == null || !groups.isArray() || groups.isEmpty()) {
      return BrazeEmulator.message(400, "'subscription_groups' is required and must be a non-empty array");
    }
    for (JsonNode group : groups) {
      String id = group.path("subscription_group_id").asText("");
      String state = group.path("subscription_state").asText("");
      if (!settings.subscriptionGroups().contains(id)) {
        return BrazeEmulator.message(400, "Invalid subscription_group_id '" + id + "'");
      }
      if (!state.equals("subscribed") && !state.equals("unsubscribed")) {
        return BrazeEmulator.message(400, "'subscription_state' must be subscribed or unsubscribed");
      }
      int count = 0;
      for (String kind : List.of("external_ids", "emails", "phones")) {
        JsonNode ids = group.get(kind);
        if (ids != null && !ids.isArray()) {
          return BrazeEmulator.message(400, "'" + kind + "' must be an array");
        }
        count += ids == null ? 0 : ids.size();
      }
      if (count == 0) {
        return BrazeEmulator.message(400, "Each subscription group needs external_ids, emails or phones");
      }
      if (count > MAX_IDS) {
        return BrazeEmulator.message(400, "The max number of ids per request was exceeded");
      }
    }
    synchronized (store.lock()) {
      for (JsonNode group : groups) {
        String id = group.get("subscription_group_id").asText();
        String state = group.get("subscription_state").asText();
        group.path("external_ids").forEach(e -> profileFor("external_id", e.asText()).putSubscription(id, state));
        group.path("emails").forEach(e -> profileFor("email", e.asText()).putSubscription(id, state));
        group.path("phones").forEach(e -> profileFor("phone", e.asText()).putSubscription(id, state));
      }
    }
    return BrazeEmulator.message(201, "success");
  }

  private Profile profileFor(String kind, String value) {
    Optional<Profile> found = switch (kind) {
      case "external_id" -> store.byExternalId(value);
      case "email" -> store.byEmail(value);
      default -> store.byPhone(value);
    };
    Profile profile = found.orElseGet(() -> {
      Profile created = store.create();
      if (kind.equals("external_id")) {
        store.setExternalId(created, value);
      } else {
        created.attributes.set(kind, TextNode.valueOf(value));
      }
      return created;
    });
    store.touch(profile);
    return profile;
  }

  private static Optional<JsonNode> object(SandboxRequest request) {
    try {
      JsonNode body = request.bodyJson();
      return body.isObject() ? Optional.of(body) : Optional.empty();
    } catch (Json.MalformedJsonException e) {
      return Optional.empty();
    }
  }
}
