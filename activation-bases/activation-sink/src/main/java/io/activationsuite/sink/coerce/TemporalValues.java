package io.activationsuite.sink.coerce;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Optional;

/**
 * Reads the many ways warehouses write dates and times: ISO-8601 with or without offset, a space instead
 * of {@code T}, slashes, and epoch numbers (seconds, milliseconds, microseconds or nanoseconds, told apart
 * by magnitude). Times without an offset are taken as UTC, the convention of warehouse timestamps.
 */
public final class TemporalValues {
  /** Epoch values below this are seconds (10^11 s is the year 5138). */
  private static final long SECONDS_LIMIT = 100_000_000_000L;
  private static final long MILLIS_LIMIT = 100_000_000_000_000L;
  private static final long MICROS_LIMIT = 100_000_000_000_000_000L;

  private static final DateTimeFormatter LOCAL_DATE_TIME = new DateTimeFormatterBuilder()
      .parseCaseInsensitive()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .optionalStart().appendLiteral('T').optionalEnd()
      .optionalStart().appendLiteral(' ').optionalEnd()
      .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
      .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
      .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2)
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
      .optionalEnd()
      .toFormatter();

  private static final DateTimeFormatter OFFSET_DATE_TIME = new DateTimeFormatterBuilder()
      .append(LOCAL_DATE_TIME)
      .optionalStart().appendLiteral(' ').optionalEnd()
      .appendOffset("+HH:MM:ss", "Z")
      .toFormatter();

  private static final DateTimeFormatter OFFSET_DATE_TIME_COMPACT = new DateTimeFormatterBuilder()
      .append(LOCAL_DATE_TIME)
      .optionalStart().appendLiteral(' ').optionalEnd()
      .appendOffset("+HHmm", "Z")
      .toFormatter();

  private static final List<DateTimeFormatter> LOCAL_DATES = List.of(
      DateTimeFormatter.ISO_LOCAL_DATE,
      DateTimeFormatter.ofPattern("uuuu/MM/dd"),
      DateTimeFormatter.BASIC_ISO_DATE);

  private TemporalValues() {}

  /** An instant from text, or empty when the text is no date-time this class knows. */
  public static Optional<Instant> parseInstant(String text) {
    String value = text.trim();
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (isBasicDate(value)) {
      Optional<LocalDate> date = parseLocalDate(value);
      if (date.isPresent()) {
        return date.map(d -> d.atStartOfDay(ZoneOffset.UTC).toInstant());
      }
    }
    if (isNumeric(value)) {
      return epoch(value);
    }
    String normalized = value.endsWith("z") ? value.substring(0, value.length() - 1) + "Z" : value;
    for (DateTimeFormatter formatter : List.of(OFFSET_DATE_TIME, OFFSET_DATE_TIME_COMPACT)) {
      try {
        return Optional.of(OffsetDateTime.parse(normalized, formatter).toInstant());
      } catch (DateTimeParseException e) {
        // try the next form
      }
    }
    try {
      return Optional.of(LocalDateTime.parse(normalized, LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      // not a local date-time either
    }
    return parseLocalDate(normalized).map(date -> date.atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  /**
   * A calendar date from text: a date, or the date part of a date-time as written (its offset is not
   * applied: {@code 2024-01-31T23:00:00-05:00} is January 31st), or an epoch number read in UTC.
   */
  public static Optional<LocalDate> parseDate(String text) {
    String value = text.trim();
    Optional<LocalDate> date = parseLocalDate(value);
    if (date.isPresent()) {
      return date;
    }
    if (isNumeric(value)) {
      return epoch(value).map(instant -> LocalDate.ofInstant(instant, ZoneOffset.UTC));
    }
    for (DateTimeFormatter formatter : List.of(OFFSET_DATE_TIME, OFFSET_DATE_TIME_COMPACT, LOCAL_DATE_TIME)) {
      try {
        return Optional.of(LocalDate.from(formatter.parse(value)));
      } catch (DateTimeParseException e) {
        // try the next form
      }
    }
    return Optional.empty();
  }

  /** An instant from an epoch number whose unit is told by its magnitude. */
  public static Optional<Instant> fromEpoch(BigDecimal epoch) {
    BigDecimal magnitude = epoch.abs();
    try {
      if (magnitude.compareTo(BigDecimal.valueOf(SECONDS_LIMIT)) < 0) {
        return Optional.of(fromUnits(epoch, 1_000_000_000L));
      }
      if (magnitude.compareTo(BigDecimal.valueOf(MILLIS_LIMIT)) < 0) {
        return Optional.of(fromUnits(epoch, 1_000_000L));
      }
      if (magnitude.compareTo(BigDecimal.valueOf(MICROS_LIMIT)) < 0) {
        return Optional.of(fromUnits(epoch, 1_000L));
      }
      return Optional.of(fromUnits(epoch, 1L));
    } catch (ArithmeticException | java.time.DateTimeException e) {
      return Optional.empty();
    }
  }

  /** The canonical text of an instant: ISO-8601 in UTC, fractional seconds only when present. */
  public static String format(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant);
  }

  private static Instant fromUnits(BigDecimal epoch, long nanosPerUnit) {
    BigDecimal nanos = epoch.multiply(BigDecimal.valueOf(nanosPerUnit));
    BigDecimal[] split = nanos.divideAndRemainder(BigDecimal.valueOf(1_000_000_000L));
    long seconds = split[0].longValueExact();
    long rest = split[1].setScale(0, java.math.RoundingMode.DOWN).longValueExact();
    return Instant.ofEpochSecond(seconds, rest);
  }

  private static Optional<Instant> epoch(String value) {
    try {
      return fromEpoch(new BigDecimal(value));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Optional<LocalDate> parseLocalDate(String value) {
    for (DateTimeFormatter formatter : LOCAL_DATES) {
      try {
        return Optional.of(LocalDate.parse(value, formatter));
      } catch (DateTimeParseException e) {
        // try the next form
      }
    }
    return Optional.empty();
  }

  private static boolean isNumeric(String value) {
    int start = value.startsWith("-") ? 1 : 0;
    if (start == value.length()) {
      return false;
    }
    boolean dot = false;
    for (int i = start; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '.' && !dot) {
        dot = true;
      } else if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** An 8-digit text is first read as a basic ISO date (20240131), then as an epoch number. */
  private static boolean isBasicDate(String value) {
    if (value.length() != 8) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) < '0' || value.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
