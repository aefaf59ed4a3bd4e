package io.activationsuite.sink.lookup;

import java.util.Map;
import java.util.Set;

/**
 * How a connector resolves values to ids with its API (Slack {@code users.lookupByEmail}, HubSpot
 * {@code batch/read} by a unique property). One call may resolve several values when the API allows it.
 */
@FunctionalInterface
public interface LookupSource {

  /**
   * The ids of {@code values} (keys as given); a value missing from the answer is "not found". Exceptions
   * propagate to every caller waiting for these values and nothing is cached.
   */
  Map<String, String> resolve(Set<String> values) throws Exception;
}
