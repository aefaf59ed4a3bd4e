package io.activationsuite.sink.api;

/** How big one request may be: records and payload bytes (the engine never exceeds either). */
public record BatchLimits(int maxRecords, long maxBytes) {

  public BatchLimits {
    if (maxRecords < 1 || maxBytes < 1) {
      throw new IllegalArgumentException("batch limits must be positive");
    }
  }
}
