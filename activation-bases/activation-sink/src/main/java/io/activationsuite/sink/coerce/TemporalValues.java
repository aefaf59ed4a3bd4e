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

  private static final DateTimeFormatter SLASHED_DATE = DateTimeFormatter.ofPattern("uuuu/MM/dd")
      .withResolverStyle(java.time.format.ResolverStyle.STRICT);

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
    Instant fast = fastInstant(value);
    if (fast != null) {
      return Optional.of(fast);
    }
    String normalized = value.endsWith("z") ? value.substring(0, value.length() - 1) + "Z" : value;
    if (normalized.length() <= 10) {
      return parseLocalDate(normalized).map(date -> date.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
    // pick the one form that can match instead of trying each (a failed parse costs an exception)
    DateTimeFormatter formatter = dateTimeFormatter(normalized);
    try {
      return Optional.of(formatter == LOCAL_DATE_TIME
          ? LocalDateTime.parse(normalized, formatter).toInstant(ZoneOffset.UTC)
          : OffsetDateTime.parse(normalized, formatter).toInstant());
    } catch (DateTimeParseException e) {
      // not a date-time either
    }
    return parseLocalDate(normalized).map(date -> date.atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  /**
   * A calendar date from text: a date, or the date part of a date-time as written (its offset is not
   * applied: {@code 2024-01-31T23:00:00-05:00} is January 31st), or an epoch number read in UTC.
   */
  public static Optional<LocalDate> parseDate(String text) {
    String value = text.trim();
    if (value.length() >= 10 && isDigits(value, 0, 4) && value.charAt(4) == '-' && isDigits(value, 5, 7)
        && value.charAt(7) == '-' && isDigits(value, 8, 10) && (value.length() == 10 || value.charAt(10) == 'T'
        || value.charAt(10) == ' ')) {
      try {
        return Optional.of(LocalDate.of(number(value, 0, 4), number(value, 5, 7), number(value, 8, 10)));
      } catch (java.time.DateTimeException e) {
        return Optional.empty();
      }
    }
    Optional<LocalDate> date = parseLocalDate(value);
    if (date.isPresent()) {
      return date;
    }
    if (isNumeric(value)) {
      return epoch(value).map(instant -> LocalDate.ofInstant(instant, ZoneOffset.UTC));
    }
    if (value.length() <= 10) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.from(dateTimeFormatter(value).parse(value)));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
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

  /**
   * The common shapes {@code yyyy-MM-dd[T ]HH:mm:ss[Z]} read without a formatter (they are most of what
   * warehouses send); null for anything else, which the formatters handle.
   */
  private static Instant fastInstant(String value) {
    int length = value.length();
    boolean zulu = length == 20 && (value.charAt(19) == 'Z' || value.charAt(19) == 'z');
    if (length != 19 && !zulu) {
      return null;
    }
    if (!(isDigits(value, 0, 4) && value.charAt(4) == '-' && isDigits(value, 5, 7) && value.charAt(7) == '-'
        && isDigits(value, 8, 10) && (value.charAt(10) == 'T' || value.charAt(10) == ' ')
        && isDigits(value, 11, 13) && value.charAt(13) == ':' && isDigits(value, 14, 16)
        && value.charAt(16) == ':' && isDigits(value, 17, 19))) {
      return null;
    }
    try {
      return LocalDateTime.of(number(value, 0, 4), number(value, 5, 7), number(value, 8, 10),
          number(value, 11, 13), number(value, 14, 16), number(value, 17, 19)).toInstant(ZoneOffset.UTC);
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  private static boolean isDigits(String value, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static int number(String value, int from, int to) {
    int result = 0;
    for (int i = from; i < to; i++) {
      result = result * 10 + value.charAt(i) - '0';
    }
    return result;
  }

  /** The formatter for a date-time text: with an offset (and which kind) or local. */
  private static DateTimeFormatter dateTimeFormatter(String value) {
    if (value.endsWith("Z")) {
      return OFFSET_DATE_TIME;
    }
    int sign = Math.max(value.lastIndexOf('+'), value.lastIndexOf('-'));
    if (sign <= 10) {
      return LOCAL_DATE_TIME;
    }
    return value.indexOf(':', sign) > 0 ? OFFSET_DATE_TIME : OFFSET_DATE_TIME_COMPACT;
  }

  private static Optional<LocalDate> parseLocalDate(String value) {
    char third = value.length() > 4 ? value.charAt(4) : ' ';
    DateTimeFormatter first = third == '-' ? DateTimeFormatter.ISO_LOCAL_DATE
        : third == '/' ? SLASHED_DATE : DateTimeFormatter.BASIC_ISO_DATE;
    try {
      return Optional.of(LocalDate.parse(value, first));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
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
