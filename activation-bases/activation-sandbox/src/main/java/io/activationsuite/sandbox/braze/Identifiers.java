package io.activationsuite.sandbox.braze;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Optional;

/**
 * Finds (or creates) the profile an object of {@code /users/track} or the subscription API names, by
 * Braze's identifier rules: exactly one of {@code external_id}, {@code user_alias}, {@code braze_id}, or
 * else {@code email} (which wins over {@code phone}); {@code _update_existing_only} forbids creating, and
 * defaults to true for aliases only, so an alias-only profile needs an explicit false. Call with the store
 * lock held.
 */
final class Identifiers {

  private final UserStore store;

  Identifiers(UserStore store) {
    this.store = store;
  }

  /** The profile, or the per-object error Braze reports. */
  record Target(Profile profile, String error) {
    static Target failed(String error) {
      return new Target(null, error);
    }
  }

  /** Checks the identifiers without touching the store; empty when they are well-formed. */
  static Optional<String> check(JsonNode object) {
    // each field looked up once: this runs for every object of every request
    JsonNode externalId = object.get("external_id");
    JsonNode alias = object.get("user_alias");
    JsonNode brazeId = object.get("braze_id");
    int primary = (externalId != null ? 1 : 0) + (alias != null ? 1 : 0) + (brazeId != null ? 1 : 0);
    if (primary > 1) {
      return Optional.of("Objects may only have one of external_id, user_alias or braze_id");
    }
    JsonNode updateOnly = object.get("_update_existing_only");
    if (updateOnly != null && !updateOnly.isBoolean()) {
      return Optional.of("'_update_existing_only' is not valid");
    }
    if (externalId != null && !nonBlankText(externalId)) {
      return Optional.of("'external_id' is not valid");
    }
    if (brazeId != null && !nonBlankText(brazeId)) {
      return Optional.of("'braze_id' is not valid");
    }
    if (alias != null
        && (!alias.isObject() || !nonBlankText(alias.get("alias_name")) || !nonBlankText(alias.get("alias_label")))) {
      return Optional.of("'user_alias' is not valid: it needs alias_name and alias_label");
    }
    JsonNode email = object.get("email");
    if (primary == 0 && !nonBlankText(email) && !nonBlankText(object.get("phone"))) {
      return Optional.of("Received object with no user identifier: one of external_id, user_alias, braze_id,"
          + " email or phone is required");
    }
    if (email != null && !email.isNull() && !(email.isTextual() && BrazeValues.isEmail(email.asText()))) {
      return Optional.of("'email' is not valid");
    }
    return Optional.empty();
  }

  /** Resolves a checked object to its profile, creating one when allowed. */
  Target resolve(JsonNode object) {
    JsonNode updateOnlyNode = object.get("_update_existing_only");
    JsonNode externalId = object.get("external_id");
    if (externalId != null) {
      String id = externalId.asText();
      Optional<Profile> found = store.byExternalId(id);
      if (found.isPresent()) {
        return new Target(found.get(), null);
      }
      if (flag(updateOnlyNode, false)) {
        return Target.failed("No user with external_id '" + id + "' exists and _update_existing_only is true");
      }
      Profile profile = store.create();
      store.setExternalId(profile, id);
      return new Target(profile, null);
    }
    if (object.has("user_alias")) {
      String name = object.get("user_alias").get("alias_name").asText();
      String label = object.get("user_alias").get("alias_label").asText();
      Optional<Profile> found = store.byAlias(label, name);
      if (found.isPresent()) {
        return new Target(found.get(), null);
      }
      if (flag(updateOnlyNode, true)) {
        return Target.failed("No user with this user_alias exists; set _update_existing_only to false to create"
            + " an alias-only profile");
      }
      Profile profile = store.create();
      store.addAlias(profile, label, name);
      return new Target(profile, null);
    }
    if (object.has("braze_id")) {
      return store.byBrazeId(object.get("braze_id").asText()).map(p -> new Target(p, null))
          .orElseGet(() -> Target.failed("No user with braze_id '" + object.get("braze_id").asText() + "' exists"));
    }
    boolean byEmail = nonBlankText(object.get("email"));
    String value = object.get(byEmail ? "email" : "phone").asText();
    Optional<Profile> found = byEmail ? store.byEmail(value) : store.byPhone(value);
    if (found.isPresent()) {
      return new Target(found.get(), null);
    }
    if (flag(updateOnlyNode, false)) {
      return Target.failed("No user with this " + (byEmail ? "email" : "phone") + " exists and"
          + " _update_existing_only is true");
    }
    Profile profile = store.create();
    profile.attributes.set(byEmail ? "email" : "phone", TextNode.valueOf(value));
    return new Target(profile, null);
  }

  static boolean nonBlankText(JsonNode node) {
    return node != null && node.isTextual() && !node.asText().isBlank();
  }

  private static boolean flag(JsonNode node, boolean defaultValue) {
    return node == null ? defaultValue : node.asBoolean();
  }
}
