package io.activationsuite.protocol.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** CONTROL: asks the platform to persist an updated connector config (e.g. a rotated refresh token). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AirbyteControlMessage(String type, Double emittedAt, ConnectorConfig connectorConfig) {

  /** The new config to merge into the persisted one. */
  public record ConnectorConfig(ObjectNode config) {}

  public static AirbyteControlMessage connectorConfig(long emittedAtMillis, ObjectNode config) {
    return new AirbyteControlMessage("CONNECTOR_CONFIG", (double) emittedAtMillis, new ConnectorConfig(config));
  }
}
