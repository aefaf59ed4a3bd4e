package io.activationsuite.destination.hubspot;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Compares a token's scopes with what writing the chosen objects needs, and says which are missing in
 * words a HubSpot admin can act on.
 */
public final class ScopeCheck {

  private ScopeCheck() {}

  /** Problems, one per object lacking a scope; empty when everything needed is granted. */
  public static List<String> missing(Set<String> granted, Collection<HubSpotObjectType> objects) {
    List<String> problems = new ArrayList<>();
    for (HubSpotObjectType type : objects) {
      if (type.writeScopes().stream().noneMatch(granted::contains)) {
        problems.add("writing " + type.name() + " needs the scope " + String.join(" or ", type.writeScopes()));
      }
      if (type.schemaReadScopes().stream().noneMatch(granted::contains)) {
        problems.add("reading the " + type.name() + " properties needs the scope "
            + String.join(" or ", type.schemaReadScopes()));
      }
    }
    return problems;
  }

  /** Whether the token can write at least one of these objects. */
  public static boolean canWriteAny(Set<String> granted, Collection<HubSpotObjectType> objects) {
    return objects.stream().anyMatch(t -> t.writeScopes().stream().anyMatch(granted::contains));
  }
}
