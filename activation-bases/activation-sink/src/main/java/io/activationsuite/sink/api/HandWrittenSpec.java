package io.activationsuite.sink.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Transitional, for connectors written before config records (their {@code ActivationApi<JsonNode>} gets
 * the raw config): the connector's spec properties built by hand. New code declares a config record
 * instead (docs/connector-config.md); this goes once Braze, Zendesk and Slack are converted.
 */
@Deprecated
public interface HandWrittenSpec {

  /** The connector's own JSON Schema properties. */
  ObjectNode specProperties();

  /** Names of the required connector-specific properties. */
  List<String> requiredProperties();
}
