package io.activationsuite.sandbox.salesforce;

import java.util.Locale;

/**
 * The CSV flavour of a Bulk API 2.0 job: column delimiter and line ending as the job's
 * {@code columnDelimiter} / {@code lineEnding} properties name them.
 *
 * @param delimiter column delimiter name (COMMA, TAB, PIPE, SEMICOLON, CARET, BACKQUOTE)
 * @param lineEnding LF or CRLF
 */
public record CsvDialect(String delimiter, String lineEnding) {
  /** Salesforce's defaults: COMMA and LF. */
  public static final CsvDialect DEFAULT = new CsvDialect("COMMA", "LF");

  /** Validates both names. */
  public CsvDialect {
    delimiter = delimiter.toUpperCase(Locale.ROOT);
    lineEnding = lineEnding.toUpperCase(Locale.ROOT);
    delimiterChar(delimiter);
    if (!lineEnding.equals("LF") && !lineEnding.equals("CRLF")) {
      throw new IllegalArgumentException("lineEnding must be LF or CRLF: " + lineEnding);
    }
  }

  /** The delimiter character. */
  public char delimiterChar() {
    return delimiterChar(delimiter);
  }

  /** The line separator text. */
  public String lineSeparator() {
    return lineEnding.equals("CRLF") ? "\r\n" : "\n";
  }

  private static char delimiterChar(String name) {
    return switch (name) {
      case "COMMA" -> ',';
      case "TAB" -> '\t';
      case "PIPE" -> '|';
      case "SEMICOLON" -> ';';
      case "CARET" -> '^';
      case "BACKQUOTE" -> '`';
      default -> throw new IllegalArgumentException("unknown columnDelimiter: " + name);
    };
  }
}
