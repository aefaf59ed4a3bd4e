package io.activationsuite.sandbox.salesforce;

/**
 * Thrown when a value cannot be read as its field's type (e.g. {@code "abc"} for a double). The REST
 * layer turns it into a request-level {@code JSON_PARSER_ERROR}; Bulk turns it into a per-row error.
 */
public final class FieldConversionException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient FieldDescriptor field;
  private final String value;

  public FieldConversionException(FieldDescriptor field, String value) {
    super("'" + value + "' is not a valid value for the type " + field.type().soapType());
    this.field = field;
    this.value = value;
  }

  public FieldDescriptor field() {
    return field;
  }

  public String value() {
    return value;
  }
}
