package io.activationsuite.sink.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An object of the destination (contacts, Contact, a custom object...) with its fields and the
 * operations it supports. The engine derives the DESTINATION_CATALOG, the stream plans and the type
 * coercion from it; the connector only describes it.
 *
 * @param openFields what the object accepts beyond {@code fields} (writable by every operation that
 *     writes more than the key), or null when it takes only the discovered fields
 */
public record DestinationObject(String name, String label, List<DestinationField> fields,
    List<ObjectOperation> operations, OpenFields openFields) {

  public DestinationObject {
    fields = List.copyOf(fields);
    operations = List.copyOf(operations);
  }

  /** An object that takes only its discovered fields. */
  public DestinationObject(String name, String label, List<DestinationField> fields,
      List<ObjectOperation> operations) {
    this(name, label, fields, operations, null);
  }

  /** The same object, also accepting undiscovered fields as {@code open}. */
  public DestinationObject withOpenFields(OpenFields open) {
    return new DestinationObject(name, label, fields, operations, open);
  }

  public Map<String, DestinationField> fieldsByName() {
    return fields.stream().collect(Collectors.toMap(DestinationField::name, Function.identity(), (a, b) -> a));
  }

  public Optional<ObjectOperation> operation(Operation operation) {
    return operations.stream().filter(o -> o.operation() == operation).findFirst();
  }
}
