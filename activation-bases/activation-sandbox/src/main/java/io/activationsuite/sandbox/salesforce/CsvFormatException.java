package io.activationsuite.sandbox.salesforce;

/** Thrown for CSV that breaks RFC 4180 (e.g. an unterminated quote or a stray quote inside a field). */
public final class CsvFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  public CsvFormatException(String message) {
    super(message);
  }
}
