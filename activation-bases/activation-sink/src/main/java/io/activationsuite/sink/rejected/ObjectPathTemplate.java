package io.activationsuite.sink.rejected;

import io.activationsuite.protocol.errors.ConfigErrorException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands the {@code path_format} and {@code file_name_format} templates of the spec into object keys.
 *
 * <p>Variables, written {@code {name}} or {@code ${NAME}} (case-insensitive): {@code sync_id}, {@code namespace},
 * {@code stream_name}, {@code year}, {@code month}, {@code day}, {@code hour}, {@code minute}, {@code second},
 * {@code millisecond}, {@code epoch} (seconds), {@code date} ({@code yyyy_MM_dd}) or {@code date:<pattern>},
 * {@code timestamp} (epoch milliseconds) or {@code timestamp:millis|micros}, {@code part_number},
 * {@code format_extension} and {@code uuid}. Times are UTC. Namespace and stream values are made path-safe
 * ({@code /}, {@code \} and control characters become {@code _}); an absent namespace expands to nothing and the
 * resulting empty folder level is dropped.
 */
final class ObjectPathTemplate {

  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_]+)}|\\{([A-Za-z_]+)(?::([^}]*))?}");
  private static final DateTimeFormatter DEFAULT_DATE = DateTimeFormatter.ofPattern("yyyy_MM_dd", Locale.ROOT);

  private final String template;

  private ObjectPathTemplate(String template) {
    this.template = template;
  }

  /**
   * Parses and validates a template.
   *
   * @param field the config field name used in error messages
   * @param requirePartNumber whether {@code {part_number}} must appear (file names: S3 cannot append)
   */
  static ObjectPathTemplate parse(String template, String field, boolean requirePartNumber) {
    Matcher matcher = VARIABLE.matcher(template);
    boolean hasPartNumber = false;
    while (matcher.find()) {
      String name = name(matcher);
      String argument = matcher.group(3);
      switch (name) {
        case "sync_id", "namespace", "stream_name", "year", "month", "day", "hour", "minute", "second",
            "millisecond", "epoch", "format_extension", "uuid" -> requireNoArgument(field, name, argument);
        case "part_number" -> {
          requireNoArgument(field, name, argument);
          hasPartNumber = true;
        }
        case "date" -> {
          if (argument != null) {
            try {
              DateTimeFormatter.ofPattern(argument, Locale.ROOT);
            } catch (IllegalArgumentException e) {
              throw new ConfigErrorException("Invalid date pattern '" + argument + "' in " + field + ".");
            }
          }
        }
        case "timestamp" -> {
          if (argument != null && !argument.equals("millis") && !argument.equals("micros")) {
            throw new ConfigErrorException(field + ": {timestamp:" + argument + "} is not supported; use"
                + " {timestamp}, {timestamp:millis} or {timestamp:micros}.");
          }
        }
        default -> throw new ConfigErrorException(field + " uses an unknown variable {" + name + "}. Known:"
            + " sync_id, namespace, stream_name, year, month, day, hour, minute, second, millisecond, epoch,"
            + " date, timestamp, part_number, format_extension, uuid.");
      }
    }
    if (requirePartNumber && !hasPartNumber) {
      throw new ConfigErrorException(field + " must contain {part_number}: objects cannot be appended to, so"
          + " every part of rejected records needs its own name.");
    }
    return new ObjectPathTemplate(template);
  }

  /** The raw template. */
  String template() {
    return template;
  }

  /** Expands the template with the given values. */
  String expand(Values values) {
    Matcher matcher = VARIABLE.matcher(template);
    StringBuilder out = new StringBuilder();
    ZonedDateTime time = values.time().atZone(ZoneOffset.UTC);
    while (matcher.find()) {
      String value = switch (name(matcher)) {
        case "sync_id" -> safeSegment(values.syncId());
        case "namespace" -> safeSegment(values.namespace());
        case "stream_name" -> safeSegment(values.stream());
        case "year" -> String.format(Locale.ROOT, "%04d", time.getYear());
        case "month" -> String.format(Locale.ROOT, "%02d", time.getMonthValue());
        case "day" -> String.format(Locale.ROOT, "%02d", time.getDayOfMonth());
        case "hour" -> String.format(Locale.ROOT, "%02d", time.getHour());
        case "minute" -> String.format(Locale.ROOT, "%02d", time.getMinute());
        case "second" -> String.format(Locale.ROOT, "%02d", time.getSecond());
        case "millisecond" -> String.format(Locale.ROOT, "%03d", time.getNano() / 1_000_000);
        case "epoch" -> Long.toString(values.time().getEpochSecond());
        case "date" -> matcher.group(3) == null ? DEFAULT_DATE.format(time)
            : DateTimeFormatter.ofPattern(matcher.group(3), Locale.ROOT).format(time);
        case "timestamp" -> "micros".equals(matcher.group(3))
            ? Long.toString(values.time().getEpochSecond() * 1_000_000L + values.time().getNano() / 1_000)
            : Long.toString(values.time().toEpochMilli());
        case "part_number" -> Long.toString(values.partNumber());
        case "format_extension" -> values.extension();
        case "uuid" -> UUID.randomUUID().toString();
        default -> throw new IllegalStateException("validated template has unknown variable");
      };
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  /** Replaces characters that would change the folder structure or break a file name. */
  static String safeSegment(String value) {
    if (value == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      out.append(c == '/' || c == '\\' || Character.isISOControl(c) ? '_' : c);
    }
    String safe = out.toString();
    return safe.equals(".") || safe.equals("..") ? safe.replace('.', '_') : safe;
  }

  private static String name(Matcher matcher) {
    String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
    return name.toLowerCase(Locale.ROOT);
  }

  private static void requireNoArgument(String field, String name, String argument) {
    if (argument != null) {
      throw new ConfigErrorException(field + ": {" + name + "} takes no argument (found {" + name + ":"
          + argument + "}).");
    }
  }

  /** The values a template can refer to. */
  record Values(String syncId, String namespace, String stream, Instant time, long partNumber,
      String extension) {
  }
}
