package io.activationsuite.sandbox.braze;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sandbox.Json;
import java.util.Map;
import java.util.TreeMap;

/**
 * One Braze user profile as the emulator stores it: its identifiers, standard and custom attributes in one
 * table (exported as one object, as Braze does) and its subscription group states. Kept small, since every
 * profile stays in memory: the alias and subscription maps exist only once a profile has one. Guarded by the
 * {@link UserStore} lock.
 */
final class Profile {

  final String brazeId;
  String externalId;
  final AttributeTable attributes;
  long updatedSequence;
  private Map<String, String> aliasesByLabel;
  private Map<String, String> subscriptionGroups;

  Profile(String brazeId, TextPool texts) {
    this.brazeId = brazeId;
    this.attributes = new AttributeTable(texts);
  }

  String email() {
    return attributes.text("email");
  }

  String phone() {
    return attributes.text("phone");
  }

  /** Alias names by label (sorted), empty and unmodifiable while the profile has none. */
  Map<String, String> aliasesByLabel() {
    return aliasesByLabel == null ? Map.of() : aliasesByLabel;
  }

  /** Gives the profile the alias {@code name} under {@code label}; returns the name it replaces, or null. */
  String putAlias(String label, String name) {
    if (aliasesByLabel == null) {
      aliasesByLabel = new TreeMap<>();
    }
    return aliasesByLabel.put(label, name);
  }

  /** Sets the profile's state in one subscription group. */
  void putSubscription(String groupId, String state) {
    if (subscriptionGroups == null) {
      subscriptionGroups = new TreeMap<>();
    }
    subscriptionGroups.put(groupId, state);
  }

  ObjectNode toJson() {
    ObjectNode node = Json.object();
    node.put("braze_id", brazeId);
    if (externalId != null) {
      node.put("external_id", externalId);
    }
    if (aliasesByLabel != null) {
      var aliases = node.putArray("user_aliases");
      aliasesByLabel.forEach((label, name) -> aliases.addObject().put("alias_name", name).put("alias_label", label));
    }
    attributes.copyInto(node);
    if (subscriptionGroups != null) {
      var groups = node.putArray("subscription_groups");
      subscriptionGroups.forEach((id, state) -> groups.addObject().put("subscription_group_id", id)
          .put("subscription_state", state));
    }
    return node;
  }
}
