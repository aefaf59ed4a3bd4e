package io.activationsuite.sink.api;

import java.util.List;

/**
 * One writable field of a destination object, as discovered from the live account.
 *
 * @param name the API name (what records and mappings use)
 * @param type how values are coerced and validated
 * @param nullable whether the API accepts clearing it
 * @param maxLength maximum text length, or null when unbounded
 * @param options allowed values for ENUM / MULTI_ENUM (empty when unrestricted)
 * @param unique whether the value identifies one record (a candidate matching key)
 */
public record DestinationField(
    String name, FieldType type, boolean nullable, Integer maxLength, List<String> options, boolean unique) {

  public DestinationField {
    options = options == null ? List.of() : List.copyOf(options);
  }

  public static DestinationField of(String name, FieldType type) {
    return new DestinationField(name, type, true, null, List.of(), false);
  }
}
