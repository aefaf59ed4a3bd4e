package io.activationsuite.sandbox.braze;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.Map;
import java.util.Set;

/**
 * Braze's value rules: the standard user attributes with their types, ISO 8601 times, email syntax,
 * ISO 4217 currencies, and how a custom attribute's data type is named in {@code /custom_attributes}.
 */
final class BrazeValues {

  /** Standard attribute name to its kind. A misspelt name is simply a custom attribute, as in Braze. */
  static final Map<String, Kind> STANDARD = Map.ofEntries(
      Map.entry("first_name", Kind.STRING), Map.entry("last_name", Kind.STRING), Map.entry("email", Kind.EMAIL),
      Map.entry("phone", Kind.STRING), Map.entry("country", Kind.STRING), Map.entry("language", Kind.STRING),
      Map.entry("home_city", Kind.STRING), Map.entry("time_zone", Kind.STRING), Map.entry("bio", Kind.STRING),
      Map.entry("image_url", Kind.STRING), Map.entry("dob", Kind.DATE), Map.entry("gender", Kind.GENDER),
      Map.entry("email_subscribe", Kind.SUBSCRIPTION), Map.entry("push_subscribe", Kind.SUBSCRIPTION),
      Map.entry("email_open_tracking_disabled", Kind.BOOLEAN),
      Map.entry("email_click_tracking_disabled", Kind.BOOLEAN),
      Map.entry("date_of_first_session", Kind.TIME), Map.entry("date_of_last_session", Kind.TIME),
      Map.entry("marked_email_as_spam_at", Kind.TIME), Map.entry("current_location", Kind.LOCATION));

  /** Keys of an attributes object that are not attributes. */
  static final Set<String> RESERVED = Set.of("external_id", "user_alias", "braze_id", "_update_existing_only",
      "subscription_groups", "_merge_objects", "push_token_import");

  private static final Set<String> GENDERS = Set.of("M", "F", "O", "N", "P", "U");
  private static final Set<String> SUBSCRIPTION_STATES = Set.of("opted_in", "subscribed", "unsubscribed");

  /** Value kinds of standard attributes. */
  enum Kind { STRING, EMAIL, DATE, GENDER, SUBSCRIPTION, BOOLEAN, TIME, LOCATION }

  private BrazeValues() {
  }

  /** Whether a (non-null) value fits a standard attribute's kind. */
  static boolean fits(Kind kind, JsonNode value) {
    return switch (kind) {
      case STRING -> value.isTextual();
      case EMAIL -> value.isTextual() && isEmail(value.asText());
      case DATE -> value.isTextual() && isDate(value.asText());
      case GENDER -> value.isTextual() && GENDERS.contains(value.asText().toUpperCase(java.util.Locale.ROOT));
      case SUBSCRIPTION -> value.isTextual() && SUBSCRIPTION_STATES.contains(value.asText());
      case BOOLEAN -> value.isBoolean();
      case TIME -> value.isTextual() && isTime(value.asText());
      case LOCATION -> value.isObject() && value.path("latitude").isNumber() && value.path("longitude").isNumber();
    };
  }

  /**
   * Email syntax: text, one {@code @}, then a domain with a dot that has text on both sides, and no whitespace
   * anywhere; what {@code ^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$} matches, without a regex matcher per value.
   */
  static boolean isEmail(String text) {
    int at = -1;
    boolean domainDot = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ' || (c >= '\t' && c <= '\r')) {
        return false;
      }
      if (c == '@') {
        if (at >= 0) {
          return false;
        }
        at = i;
      } else if (c == '.' && at >= 0 && i >= at + 2 && i <= text.length() - 2) {
        domainDot = true;
      }
    }
    return at > 0 && domainDot;
  }

  static boolean isDate(String text) {
    try {
      LocalDate.parse(text);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /** ISO 8601 date-time, with or without offset (no offset means UTC), or a bare date. */
  static boolean isTime(String text) {
    try {
      OffsetDateTime.parse(text);
      return true;
    } catch (DateTimeParseException e) {
      try {
        LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        return true;
      } catch (DateTimeParseException e2) {
        return isDate(text);
      }
    }
  }

  static boolean isCurrency(String code) {
    if (code.length() != 3 || !code.equals(code.toUpperCase(java.util.Locale.ROOT))) {
      return false;
    }
    try {
      Currency.getInstance(code);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The data type {@code /custom_attributes} reports for a stored custom attribute value. */
  static String dataType(JsonNode value) {
    if (value.isBoolean()) {
      return "Boolean";
    }
    if (value.isNumber()) {
      return "Number";
    }
    if (value.isArray()) {
      return value.size() > 0 && value.get(0).isObject() ? "Array of Objects" : "Array";
    }
    if (value.isObject()) {
      return "Object";
    }
    return isTime(value.asText()) && value.asText().length() >= 10 && value.asText().charAt(4) == '-' ? "Time"
        : "String";
  }
}
