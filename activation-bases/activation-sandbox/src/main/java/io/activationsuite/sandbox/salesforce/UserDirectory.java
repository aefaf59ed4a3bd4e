package io.activationsuite.sandbox.salesforce;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The org's users, which record owners ({@code OwnerId}) point to and which SOQL on {@code User} reads: the
 * integration user that stamps new records, four active sales reps (alice, bob, carol, dave
 * {@code @example.com}, as in the demo's data) and one deactivated user (erin), whose email still matches
 * but who cannot own records.
 */
public final class UserDirectory {
  private final List<Map<String, Object>> users = new CopyOnWriteArrayList<>();

  /** The seeded directory. */
  public static UserDirectory seeded() {
    UserDirectory directory = new UserDirectory();
    directory.add(RecordStore.INTEGRATION_USER_ID, "Integration", "User", "integration@sandbox.example", true);
    directory.add(id(2), "Alice", "Martin", "alice@example.com", true);
    directory.add(id(3), "Bob", "Chen", "bob@example.com", true);
    directory.add(id(4), "Carol", "Diaz", "carol@example.com", true);
    directory.add(id(5), "Dave", "Okafor", "dave@example.com", true);
    directory.add(id(6), "Erin", "Novak", "erin@example.com", false);
    return directory;
  }

  /** The 18-character id of the {@code n}th seeded user. */
  public static String id(int n) {
    return SalesforceIds.to18(String.format("0058s%010d", n));
  }

  /** Adds a user (tests may add more). */
  public void add(String id, String firstName, String lastName, String email, boolean active) {
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("Id", id);
    user.put("Username", email.replace("@", "@sandbox."));
    user.put("FirstName", firstName);
    user.put("LastName", lastName);
    user.put("Name", firstName + " " + lastName);
    user.put("Email", email);
    user.put("IsActive", active);
    users.add(user);
  }

  /** Every user, as SOQL on User sees them (in creation order). */
  public List<Map<String, Object>> all() {
    return List.copyOf(users);
  }

  /** Whether {@code id} (15 or 18 characters) is a user of the org. */
  public boolean contains(String id) {
    String canonical = SalesforceIds.canonical(id);
    return users.stream().anyMatch(u -> SalesforceIds.canonical((String) u.get("Id")).equals(canonical));
  }
}
