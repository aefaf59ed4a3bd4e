package io.activationsuite.sink.api;

/**
 * Fields an object accepts beyond those discovery lists: Braze custom attributes (created by the first
 * write), event properties, Slack template variables. A record field or a mapped destination field that
 * is not a discovered field becomes one of these, coerced to {@link #type()}; with {@link FieldType#JSON}
 * any value passes as it is, objects and arrays included.
 *
 * @param type the type every undiscovered field is coerced to
 * @param maxLength the most characters of one value (its JSON text for JSON), or null when unbounded
 */
public record OpenFields(FieldType type, Integer maxLength) {

  /** Any JSON value, of any size. */
  public static OpenFields anyJson() {
    return new OpenFields(FieldType.JSON, null);
  }

  /** The field an undiscovered name stands for. */
  public DestinationField field(String name) {
    return new DestinationField(name, type, true, maxLength, java.util.List.of(), false);
  }
}
