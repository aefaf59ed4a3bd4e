package io.activationsuite.sink.spec;

import io.activationsuite.protocol.model.StreamDescriptor;
import io.activationsuite.sink.api.FieldMapping;
import io.activationsuite.sink.api.Operation;
import java.util.List;
import java.util.Objects;

/**
 * One entry of the config's {@code mappings}: how the source stream it names is written.
 *
 * @param sourceNamespace null to match the stream name in any namespace
 * @param matchingKey destination field identifying records, null when not given
 * @param fields empty when records already carry destination field names
 */
public record MappingEntry(
    String sourceStream,
    String sourceNamespace,
    String destinationObject,
    Operation operation,
    String matchingKey,
    List<FieldMapping> fields) {

  public MappingEntry {
    fields = List.copyOf(fields);
  }

  /** Whether this entry is for {@code stream}. */
  public boolean matches(StreamDescriptor stream) {
    return sourceStream.equals(stream.name())
        && (sourceNamespace == null || Objects.equals(sourceNamespace, stream.namespace()));
  }
}
