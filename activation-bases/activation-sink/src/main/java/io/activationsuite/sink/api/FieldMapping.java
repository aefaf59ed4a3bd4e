package io.activationsuite.sink.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One destination field's value source in a declarative mapping: a source path (dot-separated, nested),
 * a constant, or a template such as {@code "{{first_name}} {{last_name}}"} (substitution only: a template
 * can never run code), with the policy for null values.
 *
 * @param lookup name of a {@link Lookup} the connector offers (e.g. {@code user_by_email}) that turns the
 *     value into the destination's id before it is written; null when the value is written as it is
 */
public record FieldMapping(String destination, Source source, NullPolicy nullPolicy, String lookup) {

  /** A mapping written as it is (no lookup). */
  public FieldMapping(String destination, Source source, NullPolicy nullPolicy) {
    this(destination, source, nullPolicy, null);
  }

  /** Where the value comes from. */
  public sealed interface Source {
    /** A (possibly nested) path in the source record, e.g. {@code address.city}. */
    record Path(String path) implements Source {}

    /** A constant value. */
    record Constant(JsonNode value) implements Source {}

    /** A text template with {@code {{path}}} placeholders. */
    record Template(String template) implements Source {}
  }

  /** What a null (or missing) source value does. */
  public enum NullPolicy {
    /** Leave the destination field untouched. */
    @com.fasterxml.jackson.annotation.JsonProperty("skip")
    SKIP,
    /** Clear the destination field. */
    @com.fasterxml.jackson.annotation.JsonProperty("clear")
    CLEAR
  }
}
