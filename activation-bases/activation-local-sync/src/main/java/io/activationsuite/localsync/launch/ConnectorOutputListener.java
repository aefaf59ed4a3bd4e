package io.activationsuite.localsync.launch;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Receives a connector's output as it is produced, on the launcher's reader threads: stdout lines
 * that are JSON objects (protocol messages), other stdout lines, and stderr lines. Calls for one
 * stream come from one thread in order; stdout and stderr callbacks may run concurrently. A slow
 * listener slows the connector down (back-pressure) instead of buffering without bound.
 */
public interface ConnectorOutputListener {

  /** A listener that ignores everything (the run still keeps bounded tails of the text). */
  ConnectorOutputListener IGNORE = message -> { };

  /** A stdout line that parsed as a JSON object. */
  void onMessage(ObjectNode message);

  /** A stdout line that is not a JSON object: bare text the connector should have sent to stderr. */
  default void onNonJsonLine(String line) {
  }

  /** A stderr line (the connector's logs). */
  default void onStderrLine(String line) {
  }
}
