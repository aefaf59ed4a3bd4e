package io.activationsuite.protocol.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * The protocol envelope. Field names follow the protocol exactly, including its mix of
 * {@code connectionStatus} (camelCase) and {@code destination_catalog} (snake_case).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AirbyteMessage(
    Type type,
    AirbyteLogMessage log,
    ConnectorSpecification spec,
    AirbyteConnectionStatus connectionStatus,
    JsonNode catalog,
    AirbyteRecordMessage record,
    AirbyteStateMessage state,
    AirbyteTraceMessage trace,
    AirbyteControlMessage control,
    @JsonProperty("destination_catalog") DestinationCatalog destinationCatalog,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  /** Message types. */
  public enum Type {
    RECORD,
    STATE,
    LOG,
    SPEC,
    CONNECTION_STATUS,
    CATALOG,
    TRACE,
    CONTROL,
    DESTINATION_CATALOG
  }

  public static AirbyteMessage of(AirbyteLogMessage log) {
    return new AirbyteMessage(Type.LOG, log, null, null, null, null, null, null, null, null, null);
  }

  public static AirbyteMessage of(ConnectorSpecification spec) {
    return new AirbyteMessage(Type.SPEC, null, spec, null, null, null, null, null, null, null, null);
  }

  public static AirbyteMessage of(AirbyteConnectionStatus status) {
    return new AirbyteMessage(Type.CONNECTION_STATUS, null, null, status, null, null, null, null, null, null, null);
  }

  public static AirbyteMessage of(AirbyteRecordMessage record) {
    return new AirbyteMessage(Type.RECORD, null, null, null, null, record, null, null, null, null, null);
  }

  public static AirbyteMessage of(AirbyteStateMessage state) {
    return new AirbyteMessage(Type.STATE, null, null, null, null, null, state, null, null, null, null);
  }

  public static AirbyteMessage of(AirbyteTraceMessage trace) {
    return new AirbyteMessage(Type.TRACE, null, null, null, null, null, null, trace, null, null, null);
  }

  public static AirbyteMessage of(AirbyteControlMessage control) {
    return new AirbyteMessage(Type.CONTROL, null, null, null, null, null, null, null, control, null, null);
  }

  public static AirbyteMessage of(DestinationCatalog catalog) {
    return new AirbyteMessage(
        Type.DESTINATION_CATALOG, null, null, null, null, null, null, null, null, catalog, null);
  }
}
