package io.activationsuite.localsync;

import io.activationsuite.localsync.cdc.StreamChanges;
import java.time.Duration;

/**
 * What one stream of a local sync did: records sent, acknowledged and rejected, and how fast; for a
 * model stream also what the change-data-capture diff found ({@code changes}; null for the companion
 * stream that carries removals); and how many acknowledged records were {@code merged} into a later one
 * with the same key.
 */
public record StreamResult(
    String stream, String object, String mode, long sent, long acknowledged, long rejected, long states,
    Duration duration, StreamChanges changes, long merged) {

  /** A result without merged records. */
  public StreamResult(String stream, String object, String mode, long sent, long acknowledged, long rejected,
      long states, Duration duration, StreamChanges changes) {
    this(stream, object, mode, sent, acknowledged, rejected, states, duration, changes, 0);
  }

  public double recordsPerSecond() {
    double seconds = duration.toNanos() / 1e9;
    return seconds <= 0 ? 0 : sent / seconds;
  }
}
