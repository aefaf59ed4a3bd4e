package io.activationsuite.destination.braze;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * Braze's user identifiers in a record: which one names the user (the stream's matching key, or for events
 * and purchases the first of external_id, alias, braze_id, email, phone) and how it is written. Braze lets
 * an object carry only one of external_id, user_alias and braze_id, so the others are left out.
 */
final class UserIdentity {

  static final List<String> PRECEDENCE = List.of("external_id", BrazeCatalog.ALIAS_NAME, "braze_id", "email",
      "phone");
  private static final List<String> EXCLUSIVE = List.of("external_id", BrazeCatalog.ALIAS_NAME, "braze_id");

  private UserIdentity() {
  }

  /** The identifier field to use, or empty when the record has none. */
  static Optional<String> choose(ObjectNode payload, String matchingKey) {
    if (matchingKey != null) {
      return Optional.of(matchingKey);
    }
    return PRECEDENCE.stream().filter(f -> payload.hasNonNull(f) && !payload.get(f).asText().isBlank()).findFirst();
  }

  /** Writes the identifier {@code key} into {@code target}; an alias needs its label, else the error. */
  static Optional<String> write(ObjectNode payload, String key, ObjectNode target) {
    if (key.equals(BrazeCatalog.ALIAS_NAME)) {
      JsonNode label = payload.get(BrazeCatalog.ALIAS_LABEL);
      if (label == null || label.isNull() || label.asText().isBlank()) {
        return Optional.of("user_alias_name needs user_alias_label (the alias's label) in the same record");
      }
      target.putObject("user_alias").put("alias_name", payload.get(key).asText()).put("alias_label",
          label.asText());
    } else {
      target.set(key, payload.get(key));
    }
    return Optional.empty();
  }

  /** Whether a field is an identifier that must not be copied as an attribute for {@code key}. */
  static boolean skipped(String field, String key, boolean keepContactFields) {
    if (field.equals(BrazeCatalog.ALIAS_LABEL) || field.equals(key)) {
      return true;
    }
    if (EXCLUSIVE.contains(field)) {
      return true;
    }
    return !keepContactFields && (field.equals("email") || field.equals("phone"));
  }
}
