package io.activationsuite.sandbox.braze;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Workspace configuration of the Braze emulator: the REST API keys with their permissions, the
 * subscription groups that exist, and the batching rule of the contract (75 objects combined across
 * attributes, events and purchases, or the legacy 75 per array).
 *
 * @param apiKeys REST API key to the permissions it holds
 * @param subscriptionGroups ids of the workspace's subscription groups
 * @param legacyBatching true for the legacy rule of 75 objects per array instead of 75 combined
 */
public record BrazeSettings(Map<String, Set<String>> apiKeys, Set<String> subscriptionGroups,
    boolean legacyBatching) {

  /** Every permission the emulator checks. */
  public static final Set<String> ALL_PERMISSIONS = Set.of("users.track", "users.delete", "users.alias.new",
      "subscription.status.set", "custom_attributes.get", "events.list", "purchases.product_list");
  /** The sandbox's default REST API key (holds every permission unless configured otherwise). */
  public static final String DEFAULT_API_KEY = "braze-sandbox-rest-key-0000-000000000001";
  /** A subscription group of the sandbox workspace (email newsletter). */
  public static final String NEWSLETTER_GROUP = "5d4b6c1e-0000-4000-8000-00000000e001";
  /** A subscription group of the sandbox workspace (SMS promotions). */
  public static final String SMS_GROUP = "5d4b6c1e-0000-4000-8000-00000000e002";

  /** Copies the maps. */
  public BrazeSettings {
    Map<String, Set<String>> copy = new LinkedHashMap<>();
    apiKeys.forEach((k, v) -> copy.put(k, Set.copyOf(v)));
    apiKeys = Map.copyOf(copy);
    subscriptionGroups = Set.copyOf(subscriptionGroups);
  }

  /** The default key with every permission, two subscription groups, 75 objects combined. */
  public static BrazeSettings defaults() {
    return new BrazeSettings(Map.of(DEFAULT_API_KEY, ALL_PERMISSIONS), Set.of(NEWSLETTER_GROUP, SMS_GROUP), false);
  }

  /**
   * Settings from vendor properties (CLI {@code --set braze.KEY=VALUE}, {@code @SandboxTest} properties):
   * {@code api-key} (the default key's value), {@code permissions} (comma-separated permissions of that
   * key), {@code batching} ({@code combined} or {@code legacy}). Unset keys keep the defaults.
   */
  public static BrazeSettings fromProperties(Map<String, String> p) {
    String key = p.getOrDefault("api-key", DEFAULT_API_KEY);
    Set<String> permissions = p.containsKey("permissions") ? csv(p.get("permissions")) : ALL_PERMISSIONS;
    String batching = p.getOrDefault("batching", "combined");
    if (!batching.equals("combined") && !batching.equals("legacy")) {
      throw new IllegalArgumentException("braze.batching must be combined or legacy, not " + batching);
    }
    return new BrazeSettings(Map.of(key, permissions), defaults().subscriptionGroups(), batching.equals("legacy"));
  }

  /** The first configured key (printed by the CLI). */
  public String primaryKey() {
    return apiKeys.keySet().iterator().next();
  }

  private static Set<String> csv(String text) {
    return Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isBlank())
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }
}
