package io.activationsuite.protocol.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/** TRACE: errors, stream statuses, analytics and (for sources) estimates. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AirbyteTraceMessage(
    Type type,
    @JsonProperty("emitted_at") Double emittedAt,
    AirbyteErrorTraceMessage error,
    JsonNode estimate,
    @JsonProperty("stream_status") AirbyteStreamStatusTraceMessage streamStatus,
    AirbyteAnalyticsTraceMessage analytics) {

  /** TRACE kinds. */
  public enum Type {
    ERROR,
    ESTIMATE,
    STREAM_STATUS,
    ANALYTICS
  }

  public static AirbyteTraceMessage error(long emittedAtMillis, AirbyteErrorTraceMessage error) {
    return new AirbyteTraceMessage(Type.ERROR, (double) emittedAtMillis, error, null, null, null);
  }
}
