package io.activationsuite.acceptance.connectors;

import java.util.List;
import java.util.Objects;

/**
 * One (destination object, sync mode, matching key) a connector supports - or, for
 * {@link ConnectorDescriptor#unsupportedTargets()}, must refuse with a config_error.
 *
 * @param object the destination object name (as discover lists it)
 * @param syncMode the protocol {@code destination_sync_mode}
 * @param matchingKey the matching key fields (empty for append)
 * @param landsIn the object whose records the target changes when read back: the object itself, or another
 *     one (a Braze {@code user_deletions} record removes a {@code users} record)
 */
public record WriteTarget(String object, String syncMode, List<String> matchingKey, String landsIn) {

  /** Copies the key. */
  public WriteTarget {
    matchingKey = List.copyOf(matchingKey);
    Objects.requireNonNull(landsIn, "landsIn");
  }

  /** A target whose records land in {@code object} itself. */
  public WriteTarget(String object, String syncMode, List<String> matchingKey) {
    this(object, syncMode, matchingKey, object);
  }

  /** Whether the target appends (creates) without a key. */
  public boolean appends() {
    return "append".equals(syncMode);
  }

  @Override
  public String toString() {
    return object + "/" + syncMode + (matchingKey.isEmpty() ? "" : " by " + String.join(",", matchingKey))
        + (landsIn.equals(object) ? "" : " in " + landsIn);
  }
}
