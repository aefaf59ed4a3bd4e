package io.activationsuite.sink.coerce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.activationsuite.sink.api.DestinationField;
import io.activationsuite.sink.api.FieldType;
import io.activationsuite.sink.api.RejectionReason;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Converts one non-null source value to the canonical JSON of a destination field (see {@link FieldType}),
 * or explains why it cannot. It never truncates, rounds or guesses silently: a value that does not fit is
 * a {@link CoercionException} with a reason code.
 */
public final class ValueCoercer {

  private final DestinationField field;
  private final Map<String, String> optionsByLowerCase;

  public ValueCoercer(DestinationField field) {
    this.field = field;
    Map<String, String> options = new HashMap<>();
    for (String option : field.options()) {
      options.putIfAbsent(option.toLowerCase(Locale.ROOT), option);
    }
    this.optionsByLowerCase = options;
  }

  public DestinationField field() {
    return field;
  }

  /** The canonical value of {@code value} (never null or JSON null: nulls are the null policy's job). */
  public JsonNode coerce(JsonNode value) throws CoercionException {
    JsonNode result = switch (field.type()) {
      case ID -> id(value);
      case STRING -> text(value);
      case EMAIL -> email(value);
      case NUMBER -> number(value);
      case INTEGER -> integer(value);
      case BOOLEAN -> bool(value);
      case DATE -> date(value);
      case DATETIME -> dateTime(value);
      case ENUM -> option(scalarText(value));
      case MULTI_ENUM -> options(value);
      case JSON -> json(value);
    };
    checkLength(result);
    return result;
  }

  private JsonNode id(JsonNode value) throws CoercionException {
    String text = scalarText(value).trim();
    if (text.isEmpty()) {
      throw invalid(value, "an identifier cannot be blank");
    }
    return TextNode.valueOf(text);
  }

  private JsonNode text(JsonNode value) {
    return value.isTextual() ? value : TextNode.valueOf(value.isValueNode() ? plainText(value) : value.toString());
  }

  private JsonNode email(JsonNode value) throws CoercionException {
    String text = scalarText(value).trim();
    if (!isEmail(text)) {
      throw invalid(value, "not an email address");
    }
    return TextNode.valueOf(text);
  }

  /** One {@code @}, a non-empty local part, a dotted domain without empty labels, no whitespace. */
  static boolean isEmail(String text) {
    int at = text.indexOf('@');
    if (at <= 0 || at != text.lastIndexOf('@') || at == text.length() - 1) {
      return false;
    }
    boolean dot = false;
    char previous = '@';
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        return false;
      }
      if (i > at) {
        if (c == '.') {
          if (previous == '.' || previous == '@') {
            return false;
          }
          dot = true;
        }
        previous = c;
      }
    }
    return dot && previous != '.';
  }

  private JsonNode number(JsonNode value) throws CoercionException {
    if (value.isNumber()) {
      if ((value.isDouble() || value.isFloat()) && !Double.isFinite(value.doubleValue())) {
        throw invalid(value, "not a finite number");
      }
      return value;
    }
    return DecimalNode.valueOf(decimal(value));
  }

  private JsonNode integer(JsonNode value) throws CoercionException {
    if (value.isIntegralNumber()) {
      return value;
    }
    BigDecimal decimal = value.isNumber() ? toDecimal(value) : decimal(value);
    try {
      BigInteger integral = decimal.stripTrailingZeros().toBigIntegerExact();
      return integral.bitLength() < Long.SIZE
          ? LongNode.valueOf(integral.longValue())
          : JsonNodeFactory.instance.numberNode(integral);
    } catch (ArithmeticException e) {
      throw invalid(value, "not a whole number");
    }
  }

  private JsonNode bool(JsonNode value) throws CoercionException {
    if (value.isBoolean()) {
      return value;
    }
    if (value.isNumber()) {
      BigDecimal number = toDecimal(value);
      if (number.signum() == 0) {
        return BooleanNode.FALSE;
      }
      if (number.compareTo(BigDecimal.ONE) == 0) {
        return BooleanNode.TRUE;
      }
      throw invalid(value, "not a boolean (only 0 and 1 are read as booleans)");
    }
    String text = scalarText(value).trim().toLowerCase(Locale.ROOT);
    return switch (text) {
      case "true", "t", "yes", "y", "1", "on" -> BooleanNode.TRUE;
      case "false", "f", "no", "n", "0", "off" -> BooleanNode.FALSE;
      default -> throw invalid(value, "not a boolean");
    };
  }

  private JsonNode date(JsonNode value) throws CoercionException {
    Optional<LocalDate> date = value.isNumber()
        ? TemporalValues.fromEpoch(toDecimal(value)).map(i -> LocalDate.ofInstant(i, java.time.ZoneOffset.UTC))
        : TemporalValues.parseDate(scalarText(value));
    return TextNode.valueOf(date.orElseThrow(() -> invalid(value, "not a date")).toString());
  }

  private JsonNode dateTime(JsonNode value) throws CoercionException {
    Optional<Instant> instant = value.isNumber()
        ? TemporalValues.fromEpoch(toDecimal(value))
        : TemporalValues.parseInstant(scalarText(value));
    return TextNode.valueOf(TemporalValues.format(instant.orElseThrow(() -> invalid(value, "not a date-time"))));
  }

  private JsonNode option(String text) throws CoercionException {
    if (optionsByLowerCase.isEmpty()) {
      return TextNode.valueOf(text);
    }
    if (field.options().contains(text)) {
      return TextNode.valueOf(text);
    }
    String canonical = optionsByLowerCase.get(text.trim().toLowerCase(Locale.ROOT));
    if (canonical == null) {
      throw new CoercionException(RejectionReason.INVALID_OPTION, field.name(),
          "Field '" + field.name() + "': '" + text + "' is not one of the allowed values "
              + String.join(", ", field.options()));
    }
    return TextNode.valueOf(canonical);
  }

  private JsonNode options(JsonNode value) throws CoercionException {
    Set<String> chosen = new LinkedHashSet<>();
    if (value.isArray()) {
      for (JsonNode item : value) {
        if (!item.isNull()) {
          chosen.add(option(scalarText(item)).textValue());
        }
      }
    } else {
      String text = scalarText(value);
      if (field.options().contains(text)) {
        chosen.add(text);
      } else {
        for (String part : text.split(";")) {
          if (!part.isBlank()) {
            chosen.add(option(part.trim()).textValue());
          }
        }
      }
    }
    ArrayNode array = JsonNodeFactory.instance.arrayNode(chosen.size());
    chosen.forEach(array::add);
    return array;
  }

  /**
   * Any JSON value as it is; text holding a JSON object or array becomes that structure (warehouses often
   * keep JSON as text). Non-finite numbers anywhere inside are refused: JSON cannot carry them.
   */
  private JsonNode json(JsonNode value) throws CoercionException {
    JsonNode result = value;
    if (value.isTextual()) {
      String text = value.textValue().trim();
      if (text.length() >= 2 && (text.charAt(0) == '{' && text.charAt(text.length() - 1) == '}'
          || text.charAt(0) == '[' && text.charAt(text.length() - 1) == ']')) {
        try {
          result = io.activationsuite.protocol.model.Json.mapper().readTree(text);
        } catch (java.io.IOException e) {
          result = value;
        }
      }
    }
    checkFinite(result, value);
    return result;
  }

  private void checkFinite(JsonNode node, JsonNode original) throws CoercionException {
    if (node.isContainerNode()) {
      for (JsonNode child : node) {
        checkFinite(child, original);
      }
    } else if ((node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue())) {
      throw invalid(original, "not valid JSON (a number that is not finite)");
    }
  }

  /** Refuses a canonical value longer than the field's maximum length (JSON: its JSON text). */
  public void checkLength(JsonNode result) throws CoercionException {
    Integer max = field.maxLength();
    FieldType type = field.type();
    if (max != null && type == FieldType.JSON) {
      int length = result.isTextual() ? result.textValue().length() : result.toString().length();
      if (length > max) {
        throw new CoercionException(RejectionReason.VALUE_TOO_LONG, field.name(),
            "Field '" + field.name() + "': " + length + " characters of JSON, more than the maximum of " + max);
      }
      return;
    }
    if (max == null || !result.isTextual() || !(type == FieldType.STRING || type == FieldType.ID
        || type == FieldType.EMAIL || type == FieldType.ENUM)) {
      return;
    }
    String text = result.textValue();
    if (text.length() > max && text.codePointCount(0, text.length()) > max) {
      throw new CoercionException(RejectionReason.VALUE_TOO_LONG, field.name(),
          "Field '" + field.name() + "': " + text.codePointCount(0, text.length())
              + " characters, more than the maximum of " + max);
    }
  }

  private BigDecimal decimal(JsonNode value) throws CoercionException {
    if (value.isBoolean() || value.isContainerNode()) {
      throw invalid(value, "not a number");
    }
    try {
      return new BigDecimal(scalarText(value).trim());
    } catch (NumberFormatException e) {
      throw invalid(value, "not a number");
    }
  }

  private BigDecimal toDecimal(JsonNode number) throws CoercionException {
    if ((number.isDouble() || number.isFloat()) && !Double.isFinite(number.doubleValue())) {
      throw invalid(number, "not a finite number");
    }
    return number.decimalValue();
  }

  private String scalarText(JsonNode value) throws CoercionException {
    if (value.isTextual()) {
      return value.textValue();
    }
    if (value.isValueNode()) {
      return plainText(value);
    }
    throw invalid(value, "a " + (value.isArray() ? "list" : "nested object") + " where a single value is expected");
  }

  private static String plainText(JsonNode value) {
    if (value.isBigDecimal() || value.isDouble() || value.isFloat()) {
      return value.decimalValue().stripTrailingZeros().toPlainString();
    }
    return value.asText();
  }

  private CoercionException invalid(JsonNode value, String why) {
    return new CoercionException(RejectionReason.INVALID_VALUE, field.name(),
        "Field '" + field.name() + "' (" + field.type().name().toLowerCase(Locale.ROOT) + "): '"
            + (value.isTextual() ? value.textValue() : value.toString()) + "' is " + why);
  }

  /** Coercers for every field of a list, by field name. */
  public static Map<String, ValueCoercer> forFields(List<DestinationField> fields) {
    Map<String, ValueCoercer> coercers = new HashMap<>();
    for (DestinationField f : fields) {
      coercers.putIfAbsent(f.name(), new ValueCoercer(f));
    }
    return coercers;
  }
}
