package io.activationsuite.destination.braze;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.protocol.errors.ConfigErrorException;
import io.activationsuite.protocol.errors.TransientErrorException;
import io.activationsuite.sink.api.DestinationField;
import io.activationsuite.sink.api.DestinationObject;
import io.activationsuite.sink.api.FieldType;
import io.activationsuite.sink.api.ObjectOperation;
import io.activationsuite.sink.api.OpenFields;
import io.activationsuite.sink.api.Operation;
import io.activationsuite.sink.http.ratelimit.ThrottledRead;
import io.activationsuite.sink.http.ratelimit.ThrottledUntilException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fixed Braze catalog (Braze has no object schema API): {@code users} with the standard attributes
 * typed and the workspace's custom attributes from {@code GET /custom_attributes}, {@code events},
 * {@code purchases}, {@code user_deletions} and {@code subscription_group_members}. Users are open: a
 * field discovery does not list is a custom attribute Braze creates on first write (any JSON value,
 * nested objects and arrays included). Event properties and object attributes are JSON.
 */
public final class BrazeCatalog {

  /** Braze's documented maximum length of an attribute's string value (custom and standard). */
  static final int MAX_ATTRIBUTE_CHARS = 255;

  /** The objects. */
  public static final String USERS = "users";
  /** Custom events. */
  public static final String EVENTS = "events";
  /** Purchases. */
  public static final String PURCHASES = "purchases";
  /** Users to delete. */
  public static final String DELETIONS = "user_deletions";
  /** Subscription group states. */
  public static final String SUBSCRIPTIONS = "subscription_group_members";
  /** Open field of users: a JSON object of custom attributes, merged into the attributes object. */
  public static final String CUSTOM_ATTRIBUTES = "custom_attributes";
  /** The label that goes with {@code user_alias_name}. */
  public static final String ALIAS_LABEL = "user_alias_label";
  /** Alias name: identifies a user together with {@link #ALIAS_LABEL}. */
  public static final String ALIAS_NAME = "user_alias_name";

  private static final Logger LOG = LoggerFactory.getLogger(BrazeCatalog.class);
  /** How long a write waits for the custom-attribute list when Braze rate limits it. */
  static final Duration MAX_DISCOVERY_WAIT = Duration.ofSeconds(60);
  private static final List<String> PROFILE_KEYS = List.of("external_id", "email", "phone", "braze_id", ALIAS_NAME);
  private static final Set<String> STANDARD = Set.copyOf(standardUserFields().keySet());

  private final BrazeHttp http;

  /** A catalog reading custom attributes through {@code http}. */
  public BrazeCatalog(BrazeHttp http) {
    this.http = http;
  }

  /**
   * Every object; {@code withCustomAttributes} reads the workspace's custom attributes for users. When
   * that read stays rate limited, {@code throttled} receives the instant the limit resets and users are
   * described with their standard attributes only (custom attributes are then open fields).
   */
  public List<DestinationObject> describe(boolean withCustomAttributes, Consumer<Instant> throttled)
      throws IOException {
    return List.of(users(withCustomAttributes, throttled), events(), purchases(), deletions(), subscriptions());
  }

  /** Whether {@code field} of users is one Braze defines (not a custom attribute). */
  public static boolean standardAttribute(String field) {
    return STANDARD.contains(field);
  }

  private DestinationObject users(boolean withCustomAttributes, Consumer<Instant> throttled) throws IOException {
    Map<String, DestinationField> fields = standardUserFields();
    if (withCustomAttributes) {
      customAttributes(fields, throttled);
    }
    Set<String> writable = fields.keySet();
    return new DestinationObject(USERS, "Users (attributes)", List.copyOf(fields.values()),
        List.of(new ObjectOperation(Operation.UPSERT, PROFILE_KEYS, writable, Set.of()),
            new ObjectOperation(Operation.UPDATE, PROFILE_KEYS, writable, Set.of())), OpenFields.anyJson());
  }

  private static Map<String, DestinationField> standardUserFields() {
    Map<String, DestinationField> fields = identifiers();
    // Braze documents 255 characters for attribute values: a longer value is rejected VALUE_TOO_LONG here rather
    // than cut short by Braze
    for (String name : List.of("first_name", "last_name", "country", "language", "home_city", "time_zone")) {
      put(fields, new DestinationField(name, FieldType.STRING, true, MAX_ATTRIBUTE_CHARS, List.of(), false));
    }
    put(fields, DestinationField.of("bio", FieldType.STRING));
    put(fields, DestinationField.of("image_url", FieldType.STRING));
    put(fields, DestinationField.of("dob", FieldType.DATE));
    put(fields, enumField("gender", "M", "F", "O", "N", "P", "U"));
    put(fields, enumField("email_subscribe", "opted_in", "subscribed", "unsubscribed"));
    put(fields, enumField("push_subscribe", "opted_in", "subscribed", "unsubscribed"));
    put(fields, DestinationField.of("email_open_tracking_disabled", FieldType.BOOLEAN));
    put(fields, DestinationField.of("email_click_tracking_disabled", FieldType.BOOLEAN));
    put(fields, DestinationField.of("date_of_first_session", FieldType.DATETIME));
    put(fields, DestinationField.of("date_of_last_session", FieldType.DATETIME));
    put(fields, DestinationField.of(CUSTOM_ATTRIBUTES, FieldType.JSON));
    return fields;
  }

  private void customAttributes(Map<String, DestinationField> fields, Consumer<Instant> throttled)
      throws IOException {
    Map<String, DestinationField> found = new LinkedHashMap<>();
    String path = "custom_attributes";
    ThrottledRead reads = http.throttledReads(MAX_DISCOVERY_WAIT);
    while (path != null) {
      String page = path;
      BrazeHttp.Answer answer;
      try {
        answer = reads.read("list custom attributes (GET /custom_attributes)", () -> {
          BrazeHttp.Answer a = http.getOnce(BrazeHttp.Endpoint.EXPORT, page);
          return a.status() == 429 ? reads.throttledFor(a.retryAfterSeconds()) : new ThrottledRead.Attempt.Done<>(a);
        });
      } catch (ThrottledUntilException e) {
        throttled.accept(e.reset());
        return;
      }
      if (answer.status() == 403) {
        LOG.warn("Custom attributes are not listed: the REST API key lacks custom_attributes.get");
        return;
      }
      requireOk(answer, "list custom attributes");
      for (JsonNode attribute : answer.body().path("attributes")) {
        String name = attribute.path("name").asText();
        if (name.isEmpty() || fields.containsKey(name)) {
          continue;
        }
        FieldType type = switch (attribute.path("data_type").asText()) {
          case "Number" -> FieldType.NUMBER;
          case "Boolean" -> FieldType.BOOLEAN;
          case "Time", "Date" -> FieldType.DATETIME;
          case "String" -> FieldType.STRING;
          default -> FieldType.JSON;
        };
        put(found, type == FieldType.STRING
            ? new DestinationField(name, type, true, MAX_ATTRIBUTE_CHARS, List.of(), false)
            : DestinationField.of(name, type));
      }
      path = answer.nextPage();
    }
    fields.putAll(found);
  }

  private static DestinationObject events() {
    Map<String, DestinationField> fields = identifiers();
    put(fields, DestinationField.of("name", FieldType.STRING));
    put(fields, DestinationField.of("time", FieldType.DATETIME));
    put(fields, DestinationField.of("properties", FieldType.JSON));
    put(fields, DestinationField.of("app_id", FieldType.STRING));
    return insertOnly(EVENTS, "Custom events", fields, Set.of("name", "time"));
  }

  private static DestinationObject purchases() {
    Map<String, DestinationField> fields = identifiers();
    put(fields, DestinationField.of("product_id", FieldType.STRING));
    put(fields, DestinationField.of("currency", FieldType.STRING));
    put(fields, DestinationField.of("price", FieldType.NUMBER));
    put(fields, DestinationField.of("quantity", FieldType.INTEGER));
    put(fields, DestinationField.of("time", FieldType.DATETIME));
    put(fields, DestinationField.of("properties", FieldType.JSON));
    put(fields, DestinationField.of("app_id", FieldType.STRING));
    return insertOnly(PURCHASES, "Purchases", fields, Set.of("product_id", "currency", "price", "time"));
  }

  private static DestinationObject deletions() {
    Map<String, DestinationField> fields = identifiers();
    fields.remove("email");
    fields.remove("phone");
    List<String> keys = List.of("external_id", "braze_id", ALIAS_NAME);
    return new DestinationObject(DELETIONS, "User deletions", List.copyOf(fields.values()),
        List.of(new ObjectOperation(Operation.DELETE, keys, Set.of(ALIAS_LABEL), Set.of())));
  }

  private static DestinationObject subscriptions() {
    Map<String, DestinationField> fields = new LinkedHashMap<>();
    put(fields, new DestinationField("external_id", FieldType.ID, false, null, List.of(), true));
    put(fields, new DestinationField("email", FieldType.EMAIL, false, null, List.of(), true));
    put(fields, new DestinationField("phone", FieldType.STRING, false, null, List.of(), true));
    put(fields, DestinationField.of("subscription_group_id", FieldType.STRING));
    put(fields, enumField("subscription_state", "subscribed", "unsubscribed"));
    return new DestinationObject(SUBSCRIPTIONS, "Subscription group members", List.copyOf(fields.values()),
        List.of(new ObjectOperation(Operation.UPSERT, List.of("external_id", "email", "phone"), fields.keySet(),
            Set.of("subscription_group_id", "subscription_state"))));
  }

  private static DestinationObject insertOnly(String name, String label, Map<String, DestinationField> fields,
      Set<String> required) {
    return new DestinationObject(name, label, List.copyOf(fields.values()),
        List.of(new ObjectOperation(Operation.INSERT, List.of(), fields.keySet(), required)));
  }

  private static Map<String, DestinationField> identifiers() {
    Map<String, DestinationField> fields = new LinkedHashMap<>();
    put(fields, new DestinationField("external_id", FieldType.ID, false, null, List.of(), true));
    put(fields, new DestinationField("email", FieldType.EMAIL, true, null, List.of(), true));
    put(fields, new DestinationField("phone", FieldType.STRING, true, null, List.of(), true));
    put(fields, new DestinationField("braze_id", FieldType.ID, false, null, List.of(), true));
    put(fields, new DestinationField(ALIAS_NAME, FieldType.ID, false, null, List.of(), true));
    put(fields, DestinationField.of(ALIAS_LABEL, FieldType.ID));
    return fields;
  }

  private static DestinationField enumField(String name, String... options) {
    return new DestinationField(name, FieldType.ENUM, true, null, List.of(options), false);
  }

  private static void put(Map<String, DestinationField> fields, DestinationField field) {
    fields.put(field.name(), field);
  }

  static void requireOk(BrazeHttp.Answer answer, String what) {
    if (answer.status() == 401) {
      throw new ConfigErrorException("Braze refused the REST API key (HTTP 401) while trying to " + what
          + ". Check api_key and instance.");
    }
    if (answer.status() / 100 != 2) {
      throw new TransientErrorException("Braze failed to " + what + " (HTTP " + answer.status() + "): "
          + answer.message());
    }
  }
}
