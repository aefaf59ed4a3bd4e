package io.activationsuite.protocol.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code --catalog} input of {@code write}: the streams of this sync and how to write them. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConfiguredAirbyteCatalog(
    List<ConfiguredAirbyteStream> streams,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public Optional<ConfiguredAirbyteStream> find(StreamDescriptor descriptor) {
    return streams.stream().filter(s -> s.descriptor().equals(descriptor)).findFirst();
  }

  /** The sync id shared by the streams (the platform's job id), or 0 when absent. */
  public long syncId() {
    return streams.stream()
        .map(ConfiguredAirbyteStream::syncId)
        .filter(id -> id != null)
        .findFirst()
        .orElse(0L);
  }
}
