package io.activationsuite.sink.http.retry;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Parses {@code Retry-After} (delta seconds or HTTP-date) into an instant. */
public final class RetryAfter {

  private RetryAfter() {
  }

  /** The instant the header asks us to wait until, if the value is well-formed. */
  public static Optional<Instant> parse(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String trimmed = value.trim();
    try {
      double seconds = Double.parseDouble(trimmed);
      if (seconds < 0 || Double.isNaN(seconds) || Double.isInfinite(seconds)) {
        return Optional.empty();
      }
      return Optional.of(now.plusMillis((long) Math.ceil(Math.min(seconds, 86_400 * 7) * 1000)));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        return Optional.of(at.isBefore(now) ? now : at);
      } catch (DateTimeParseException notDate) {
        return Optional.empty();
      }
    }
  }
}
