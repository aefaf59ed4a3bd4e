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
 */
public record DestinationObject(String name, String label, List<DestinationField> fields,
    List<ObjectOperation> operations) {

  public DestinationObject {
    fields = List.copyOf(fields);
    operations = List.copyOf(operations);
  }

  public Map<String, DestinationField> fieldsByName() {
    return fields.stream().collect(Collectors.toMap(DestinationField::name, Function.identity(), (a, b) -> a));
  }

  public Optional<ObjectOperation> operation(Operation operation) {
    return operations.stream().filter(o -> o.operation() == operation).findFirst();
  }
}
