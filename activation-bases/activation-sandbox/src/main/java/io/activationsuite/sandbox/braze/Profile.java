package io.activationsuite.sandbox.braze;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sandbox.Json;
import java.util.Map;
import java.util.TreeMap;

/**
 * One Braze user profile as the emulator stores it: its identifiers, standard and custom attributes in one
 * object (as Braze exports them) and its subscription group states. Guarded by the {@link UserStore} lock.
 */
final class Profile {

  final String brazeId;
  String externalId;
  final Map<String, String> aliasesByLabel = new TreeMap<>();
  final ObjectNode attributes = Json.object();
  final Map<String, String> subscriptionGroups = new TreeMap<>();
  long updatedSequence;

  Profile(String brazeId) {
    this.brazeId = brazeId;
  }

  String email() {
    return attributes.path("email").isTextual() ? attributes.get("email").asText() : null;
  }

  String phone() {
    return attributes.path("phone").isTextual() ? attributes.get("phone").asText() : null;
  }

  ObjectNode toJson() {
    ObjectNode node = Json.object();
    node.put("braze_id", brazeId);
    if (externalId != null) {
      node.put("external_id", externalId);
    }
    if (!aliasesByLabel.isEmpty()) {
      var aliases = node.putArray("user_aliases");
      aliasesByLabel.forEach((label, name) -> aliases.addObject().put("alias_name", name).put("alias_label", label));
    }
    node.setAll(attributes.deepCopy());
    if (!subscriptionGroups.isEmpty()) {
      var groups = node.putArray("subscription_groups");
      subscriptionGroups.forEach((id, state) -> groups.addObject().put("subscription_group_id", id)
          .put("subscription_state", state));
    }
    return node;
  }
}
