package io.activationsuite.sandbox.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Validates and normalises the {@code properties} of one batch input the way HubSpot does: unknown and
 * read-only properties are refused, emails, enumeration options, numbers and booleans are checked, and
 * dates must be at midnight UTC. Values arrive as strings (numbers and booleans are tolerated and
 * stringified); {@code ""} or null clears a value. Stored forms: dates {@code yyyy-MM-dd}, datetimes
 * ISO-8601 UTC with milliseconds, numbers plain decimals, booleans {@code true}/{@code false},
 * emails lower case, multi-select values {@code ;}-joined.
 */
public final class PropertyValues {

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final Pattern DIGITS = Pattern.compile("^-?\\d+$");

  private PropertyValues() {
  }

  /** Outcome: the normalised values (null value = clear) when {@code errors} is empty. */
  public record Result(Map<String, String> values, List<PropertyError> errors) {
    /** Whether every value was accepted. */
    public boolean valid() {
      return errors.isEmpty();
    }
  }

  /** Validates a {@code properties} JSON object against an object type. */
  public static Result validate(ObjectTypeDefinition type, JsonNode properties) {
    Map<String, String> values = new LinkedHashMap<>();
    List<PropertyError> errors = new ArrayList<>();
    if (properties == null || properties.isNull() || properties.isMissingNode()) {
      return new Result(values, errors);
    }
    Iterator<Map.Entry<String, JsonNode>> fields = properties.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name = field.getKey();
      JsonNode raw = field.getValue();
      PropertyDefinition def = type.properties().get(name);
      if (def == null) {
        errors.add(new PropertyError("PROPERTY_DOESNT_EXIST", name, "Property \"" + name + "\" does not exist"));
        continue;
      }
      if (def.readOnlyValue()) {
        errors.add(new PropertyError("READ_ONLY_VALUE", name,
            "\"" + name + "\" is a read only property; its value cannot be set."));
        continue;
      }
      if (raw.isContainerNode()) {
        errors.add(new PropertyError("INVALID_PROPERTY_VALUE", name,
            "Property values must be strings, got " + raw.getNodeType() + " for \"" + name + "\""));
        continue;
      }
      String value = raw.isNull() ? "" : raw.asText();
      if (value.isEmpty()) {
        values.put(name, null);
        continue;
      }
      try {
        values.put(name, normalise(def, value));
      } catch (InvalidValue e) {
        errors.add(new PropertyError(e.code, name, e.getMessage()));
      }
    }
    return new Result(values, errors);
  }

  private static String normalise(PropertyDefinition def, String value) throws InvalidValue {
    return switch (def.type()) {
      case "number" -> number(value);
      case "bool" -> bool(value);
      case "date" -> date(value);
      case "datetime" -> datetime(value);
      case "enumeration" -> enumeration(def, value);
      default -> def.email() ? email(value) : value;
    };
  }

  private static String email(String value) throws InvalidValue {
    String trimmed = value.trim();
    if (!EMAIL.matcher(trimmed).matches()) {
      throw new InvalidValue("INVALID_EMAIL", "Email address " + value + " is invalid");
    }
    return trimmed.toLowerCase(Locale.ROOT);
  }

  private static String number(String value) throws InvalidValue {
    try {
      return new BigDecimal(value.trim()).stripTrailingZeros().toPlainString();
    } catch (NumberFormatException e) {
      throw new InvalidValue("INVALID_DECIMAL", value + " is not a valid number.");
    }
  }

  private static String bool(String value) throws InvalidValue {
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (!v.equals("true") && !v.equals("false")) {
      throw new InvalidValue("INVALID_BOOLEAN", value + " is not a valid boolean; use true or false.");
    }
    return v;
  }

  private static String enumeration(PropertyDefinition def, String value) throws InvalidValue {
    List<String> allowed = def.options().stream().map(PropertyOption::value).toList();
    List<String> chosen = def.multiValued()
        ? Arrays.stream(value.split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList()
        : List.of(value);
    for (String choice : chosen) {
      if (!allowed.contains(choice)) {
        throw new InvalidValue("INVALID_OPTION", choice + " was not one of the allowed options: " + allowed);
      }
    }
    return String.join(";", chosen);
  }

  private static String date(String value) throws InvalidValue {
    String v = value.trim();
    Instant instant;
    try {
      if (DIGITS.matcher(v).matches()) {
        instant = Instant.ofEpochMilli(Long.parseLong(v));
      } else if (v.length() == 10) {
        return LocalDate.parse(v).toString();
      } else {
        instant = parseInstant(v);
      }
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new InvalidValue("INVALID_DATE", v + " is not a valid date; use yyyy-MM-dd or epoch milliseconds "
          + "at midnight UTC.");
    }
    if (!instant.truncatedTo(ChronoUnit.DAYS).equals(instant)) {
      var t = instant.atOffset(ZoneOffset.UTC);
      throw new InvalidValue("INVALID_DATE", v + " is at " + t.getHour() + ":" + t.getMinute() + ":"
          + t.getSecond() + "." + t.getNano() / 1_000_000 + " UTC, not midnight!");
    }
    return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
  }

  private static String datetime(String value) throws InvalidValue {
    String v = value.trim();
    try {
      Instant instant;
      if (DIGITS.matcher(v).matches()) {
        instant = Instant.ofEpochMilli(Long.parseLong(v));
      } else if (v.length() == 10) {
        instant = LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC);
      } else {
        instant = parseInstant(v);
      }
      return formatInstant(instant);
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new InvalidValue("INVALID_DATETIME", v + " is not a valid datetime; use ISO-8601 or epoch milliseconds.");
    }
  }

  private static Instant parseInstant(String v) {
    try {
      return OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeParseException e) {
      return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
    }
  }

  /** HubSpot's timestamp form: ISO-8601 UTC with exactly three fraction digits. */
  public static String formatInstant(Instant instant) {
    Instant millis = instant.truncatedTo(ChronoUnit.MILLIS);
    String text = millis.toString();
    if (millis.getNano() == 0) {
      return text.replace("Z", ".000Z");
    }
    return text;
  }

  private static final class InvalidValue extends Exception {
    private static final long serialVersionUID = 1L;
    private final String code;

    InvalidValue(String code, String message) {
      super(message, null, false, false);
      this.code = code;
    }
  }
}
