package io.activationsuite.sink.api;

import java.util.List;
import java.util.Set;

/**
 * One operation a destination object supports, with what it needs: the candidate matching keys (each a
 * single field name; empty for INSERT), the fields that may be written, and those that must be present.
 */
public record ObjectOperation(
    Operation operation, List<String> matchingKeys, Set<String> writableFields, Set<String> requiredFields) {

  public ObjectOperation {
    matchingKeys = List.copyOf(matchingKeys);
    writableFields = Set.copyOf(writableFields);
    requiredFields = Set.copyOf(requiredFields);
  }
}
