package io.activationsuite.protocol.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps a config's validation errors to the {@code oneOf} branch the user chose. Airbyte's {@code oneOf}
 * branches each carry a discriminator ({@code auth_type: {const: "oauth2"}}); when a config fails the
 * {@code oneOf}, the validator reports every branch's errors ("refresh_token is missing" next to
 * "access_token is missing"). The branch whose discriminator the config names is the one to report; when the
 * config names none, the discriminator itself is the error.
 */
final class OneOfBranches {
  private final JsonNode schema;
  private final JsonNode config;
  private final List<String> unchosen = new ArrayList<>();

  OneOfBranches(JsonNode schema, JsonNode config) {
    this.schema = schema;
    this.config = config;
  }

  /** The messages without those of branches the config did not choose. */
  Set<ValidationMessage> chosenOnly(Set<ValidationMessage> messages) {
    Set<ValidationMessage> kept = new LinkedHashSet<>(messages);
    for (ValidationMessage oneOf : messages) {
      if (!"oneOf".equals(oneOf.getType())) {
        continue;
      }
      JsonNodePath oneOfPath = oneOf.getEvaluationPath();
      JsonNode branches = at(schema, oneOfPath);
      JsonNode instance = at(config, oneOf.getInstanceLocation());
      int chosen = chosenBranch(branches, instance);
      List<ValidationMessage> ofChosen = new ArrayList<>();
      List<ValidationMessage> ofOthers = new ArrayList<>();
      for (ValidationMessage message : messages) {
        Integer branch = branchOf(message.getEvaluationPath(), oneOfPath);
        if (branch != null) {
          (branch == chosen ? ofChosen : ofOthers).add(message);
        }
      }
      if (chosen >= 0 && !ofChosen.isEmpty()) {
        kept.removeAll(ofOthers);
        kept.remove(oneOf);
      } else if (chosen < 0 && discriminator(branches) != null) {
        kept.removeAll(ofOthers);
        kept.remove(oneOf);
        List<String> values = new ArrayList<>();
        branches.forEach(branch -> values.add(branch.path("properties").path(discriminator(branches))
            .path("const").asText()));
        String location = oneOf.getInstanceLocation().toString().replaceFirst("^\\$\\.?", "");
        unchosen.add("field '" + (location.isEmpty() ? "" : location + ".") + discriminator(branches)
            + "': must be one of " + String.join(", ", values));
      }
    }
    return kept;
  }

  /** For each {@code oneOf} whose discriminator the config does not name: what to set it to. */
  List<String> unchosenDiscriminators() {
    return unchosen;
  }

  /** The index of the branch whose {@code const} values the instance carries; -1 when none. */
  private static int chosenBranch(JsonNode branches, JsonNode instance) {
    String property = discriminator(branches);
    if (property == null || instance == null) {
      return -1;
    }
    for (int i = 0; i < branches.size(); i++) {
      JsonNode constant = branches.get(i).path("properties").path(property).get("const");
      if (constant != null && constant.equals(instance.get(property))) {
        return i;
      }
    }
    return -1;
  }

  /** The property every branch gives a {@code const}, or null. */
  private static String discriminator(JsonNode branches) {
    if (branches == null || !branches.isArray() || branches.isEmpty()) {
      return null;
    }
    for (Map.Entry<String, JsonNode> property : branches.get(0).path("properties").properties()) {
      boolean everywhere = true;
      for (JsonNode branch : branches) {
        everywhere &= branch.path("properties").path(property.getKey()).has("const");
      }
      if (everywhere) {
        return property.getKey();
      }
    }
    return null;
  }

  /** The branch index of a message under {@code oneOfPath}, or null when it is not under it. */
  private static Integer branchOf(JsonNodePath path, JsonNodePath oneOfPath) {
    int depth = oneOfPath.getNameCount();
    if (path.getNameCount() <= depth) {
      return null;
    }
    for (int i = 0; i < depth; i++) {
      if (!String.valueOf(path.getElement(i)).equals(String.valueOf(oneOfPath.getElement(i)))) {
        return null;
      }
    }
    return path.getElement(depth) instanceof Integer index ? index : null;
  }

  private static JsonNode at(JsonNode root, JsonNodePath path) {
    JsonNode node = root;
    for (int i = 0; i < path.getNameCount() && node != null; i++) {
      Object element = path.getElement(i);
      node = element instanceof Integer index ? node.get(index) : node.get(String.valueOf(element));
    }
    return node;
  }
}
