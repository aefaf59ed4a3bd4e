package io.activationsuite.sink.config;

import io.activationsuite.protocol.errors.ConfigErrorException;

/**
 * Checks a config record's constructor makes for what its schema cannot say (a schema requires a property
 * but accepts an empty string), as {@link ConfigErrorException}s naming the field.
 */
public final class ConfigChecks {

  private ConfigChecks() {}

  /**
   * The trimmed value.
   *
   * @throws ConfigErrorException "{@code field} is required" when the value is null or blank
   */
  public static String nonBlank(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new ConfigErrorException(field + " is required.");
    }
    return value.trim();
  }
}
