package io.activationsuite.protocol.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/** Record counts attached to a STATE by the source or the destination (counts are doubles on the wire). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AirbyteStateStats(
    Double recordCount,
    Double rejectedRecordCount,
    Map<String, Double> additionalStats,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public static AirbyteStateStats of(long recordCount, long rejectedRecordCount) {
    return new AirbyteStateStats((double) recordCount, (double) rejectedRecordCount, null, null);
  }
}
