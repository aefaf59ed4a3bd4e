package io.activationsuite.sink;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.activationsuite.protocol.model.AirbyteStream;
import io.activationsuite.protocol.model.ConfiguredAirbyteStream;
import io.activationsuite.sink.spec.MappingEntry;

/** Builds the configured stream a {@code mappings} entry stands for, so check can plan it before any sync. */
final class MappingStreams {
  private MappingStreams() {}

  static ConfiguredAirbyteStream configuredFor(MappingEntry entry) {
    AirbyteStream stream = new AirbyteStream(entry.sourceStream(), entry.sourceNamespace(),
        JsonNodeFactory.instance.objectNode().put("type", "object"), null, null, null, null, null, null, null);
    return new ConfiguredAirbyteStream(stream, "full_refresh", null, null, null, null, null, null, null, null, null);
  }
}
