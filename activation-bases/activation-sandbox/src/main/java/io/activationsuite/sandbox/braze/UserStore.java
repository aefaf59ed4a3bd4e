package io.activationsuite.sandbox.braze;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sandbox.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The workspace's data: profiles with their identifier indexes, logged events and purchases, the custom
 * attributes, event names and product ids seen so far (what discovery lists), and the data points
 * attribute writes consumed. Callers hold {@link #lock()} around every use.
 */
final class UserStore {
  private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);

  private final Object lock = new Object();
  private final Random random;
  private final Map<String, Profile> byBrazeId = new LinkedHashMap<>();
  private final Map<String, Profile> byExternalId = new HashMap<>();
  private final Map<String, Profile> byAlias = new HashMap<>();
  private final TextPool texts = new TextPool();
  final List<ObjectNode> events = new ArrayList<>();
  final List<ObjectNode> purchases = new ArrayList<>();
  final Map<String, String> customAttributeTypes = new TreeMap<>();
  final TreeSet<String> eventNames = new TreeSet<>();
  final TreeSet<String> productIds = new TreeSet<>();
  long dataPoints;
  private long sequence;

  UserStore(Random random) {
    this.random = random;
  }

  Object lock() {
    return lock;
  }

  void clear() {
    byBrazeId.clear();
    byExternalId.clear();
    byAlias.clear();
    events.clear();
    purchases.clear();
    customAttributeTypes.clear();
    eventNames.clear();
    productIds.clear();
    texts.clear();
    dataPoints = 0;
    sequence = 0;
  }

  Optional<Profile> byExternalId(String id) {
    return Optional.ofNullable(byExternalId.get(id));
  }

  Optional<Profile> byBrazeId(String id) {
    return Optional.ofNullable(byBrazeId.get(id));
  }

  Optional<Profile> byAlias(String label, String name) {
    return Optional.ofNullable(byAlias.get(label + '\u0000' + name));
  }

  /** The most recently updated profile with this email (Braze's rule when several share one). */
  Optional<Profile> byEmail(String email) {
    String wanted = email.toLowerCase(Locale.ROOT);
    return byBrazeId.values().stream().filter(p -> p.email() != null
        && p.email().toLowerCase(Locale.ROOT).equals(wanted)).max((a, b) -> Long.compare(a.updatedSequence,
        b.updatedSequence));
  }

  /** The most recently updated profile with this phone number. */
  Optional<Profile> byPhone(String phone) {
    return byBrazeId.values().stream().filter(p -> phone.equals(p.phone()))
        .max((a, b) -> Long.compare(a.updatedSequence, b.updatedSequence));
  }

  Profile create() {
    Profile profile;
    do {
      profile = new Profile(newBrazeId(), texts);
    } while (byBrazeId.putIfAbsent(profile.brazeId, profile) != null);
    touch(profile);
    return profile;
  }

  /** 24 lower-case hex digits: 32 random bits, then 64. */
  private String newBrazeId() {
    byte[] id = new byte[24];
    hex(random.nextInt(), id, 0, 8);
    hex(random.nextLong(), id, 8, 16);
    return new String(id, StandardCharsets.ISO_8859_1);
  }

  private static void hex(long value, byte[] into, int at, int digits) {
    for (int i = digits - 1; i >= 0; i--) {
      into[at + i] = HEX_DIGITS[(int) (value & 0xF)];
      value >>>= 4;
    }
  }

  void setExternalId(Profile profile, String externalId) {
    profile.externalId = externalId;
    byExternalId.put(externalId, profile);
  }

  void addAlias(Profile profile, String label, String name) {
    String old = profile.putAlias(label, name);
    if (old != null) {
      byAlias.remove(label + '\u0000' + old);
    }
    byAlias.put(label + '\u0000' + name, profile);
  }

  void touch(Profile profile) {
    profile.updatedSequence = ++sequence;
  }

  void delete(Profile profile) {
    byBrazeId.remove(profile.brazeId);
    if (profile.externalId != null) {
      byExternalId.remove(profile.externalId);
    }
    profile.aliasesByLabel().forEach((label, name) -> byAlias.remove(label + '\u0000' + name));
    events.removeIf(e -> e.path("braze_id").asText().equals(profile.brazeId));
    purchases.removeIf(e -> e.path("braze_id").asText().equals(profile.brazeId));
  }

  ArrayNode usersJson() {
    ArrayNode users = Json.array();
    byBrazeId.values().forEach(p -> users.add(p.toJson()));
    return users;
  }

  ArrayNode json(List<ObjectNode> items) {
    ArrayNode array = Json.array();
    items.forEach(i -> array.add(i.deepCopy()));
    return array;
  }

  int userCount() {
    return byBrazeId.size();
  }
}
