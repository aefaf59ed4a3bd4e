package io.activationsuite.acceptance.connectors;

import java.util.List;

/**
 * One (destination object, sync mode, matching key) a connector supports - or, for
 * {@link ConnectorDescriptor#unsupportedTargets()}, must refuse with a config_error.
 *
 * @param object the destination object name (as discover lists it)
 * @param syncMode the protocol {@code destination_sync_mode}
 * @param matchingKey the matching key fields (empty for append)
 */
public record WriteTarget(String object, String syncMode, List<String> matchingKey) {

  /** Copies the key. */
  public WriteTarget {
    matchingKey = List.copyOf(matchingKey);
  }

  @Override
  public String toString() {
    return object + "/" + syncMode + (matchingKey.isEmpty() ? "" : " by " + String.join(",", matchingKey));
  }
}
