package io.activationsuite.sink.api;

import io.activationsuite.protocol.model.StreamDescriptor;
import java.util.List;

/**
 * How one source stream is written: to which object, with which operation and matching key, and how
 * its fields map. Built the same way from an Airbyte data-activation catalog or from the connector
 * config's {@code mappings}.
 *
 * @param matchingKey destination field identifying records (null for INSERT)
 * @param fieldMappings empty when records already carry destination field names (activation catalog)
 */
public record StreamPlan(
    StreamDescriptor stream,
    DestinationObject object,
    Operation operation,
    String matchingKey,
    List<FieldMapping> fieldMappings) {

  public StreamPlan {
    fieldMappings = List.copyOf(fieldMappings);
  }
}
