package io.activationsuite.sandbox.salesforce;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Converts incoming values (JSON scalars or CSV text) to the typed values the record store keeps:
 * text as {@link String}, booleans as {@link Boolean}, int as {@link Long}, double/currency/percent as
 * {@link BigDecimal}, date as {@link LocalDate}, datetime as an ISO string in Salesforce's UTC format.
 */
public final class FieldValues {
  /** Salesforce's datetime rendering, e.g. {@code 2026-01-31T08:00:00.000+0000}. */
  public static final DateTimeFormatter SALESFORCE_DATETIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ", Locale.ROOT);

  private FieldValues() {
  }

  /**
   * Typed value for {@code raw}; {@code null} and blank text become null.
   *
   * @throws FieldConversionException when the value cannot be read as the field's type
   */
  public static Object convert(FieldDescriptor field, Object raw) throws FieldConversionException {
    if (raw == null) {
      return null;
    }
    String text = raw instanceof BigDecimal big ? big.toPlainString() : raw.toString();
    if (field.type().isText() || field.type() == FieldType.ID || field.type() == FieldType.REFERENCE) {
      return text.isEmpty() ? null : text;
    }
    String trimmed = text.trim();
    if (trimmed.isEmpty()) {
      return null;
    }
    return switch (field.type()) {
      case BOOLEAN -> toBoolean(field, raw, trimmed);
      case INT -> toLong(field, trimmed);
      case DOUBLE, CURRENCY, PERCENT -> toDecimal(field, trimmed);
      case DATE -> toDate(field, trimmed);
      case DATETIME -> toDateTime(field, trimmed);
      default -> trimmed;
    };
  }

  private static Boolean toBoolean(FieldDescriptor field, Object raw, String text) throws FieldConversionException {
    if (raw instanceof Boolean bool) {
      return bool;
    }
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes" -> Boolean.TRUE;
      case "false", "0", "no" -> Boolean.FALSE;
      default -> throw new FieldConversionException(field, text);
    };
  }

  private static Long toLong(FieldDescriptor field, String text) throws FieldConversionException {
    try {
      return new BigDecimal(text).longValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      throw new FieldConversionException(field, text);
    }
  }

  private static BigDecimal toDecimal(FieldDescriptor field, String text) throws FieldConversionException {
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new FieldConversionException(field, text);
    }
  }

  private static LocalDate toDate(FieldDescriptor field, String text) throws FieldConversionException {
    try {
      return LocalDate.parse(text.length() > 10 && text.charAt(10) == 'T' ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      throw new FieldConversionException(field, text);
    }
  }

  private static String toDateTime(FieldDescriptor field, String text) throws FieldConversionException {
    try {
      OffsetDateTime value;
      try {
        value = OffsetDateTime.parse(text.replaceFirst("([+-]\\d\\d)(\\d\\d)$", "$1:$2"));
      } catch (DateTimeParseException noOffset) {
        value = LocalDateTime.parse(text).atOffset(ZoneOffset.UTC);
      }
      return SALESFORCE_DATETIME.format(value.withOffsetSameInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      throw new FieldConversionException(field, text);
    }
  }
}
