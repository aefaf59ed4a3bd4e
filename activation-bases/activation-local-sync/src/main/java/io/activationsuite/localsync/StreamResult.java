package io.activationsuite.localsync;

import io.activationsuite.localsync.cdc.StreamChanges;
import java.time.Duration;

/**
 * What one stream of a local sync did: records sent, acknowledged and rejected, and how fast; for a
 * model stream also what the change-data-capture diff found ({@code changes}; null for the companion
 * stream that carries removals).
 */
public record StreamResult(
    String stream, String object, String mode, long sent, long acknowledged, long rejected, long states,
    Duration duration, StreamChanges changes) {

  public double recordsPerSecond() {
    double seconds = duration.toNanos() / 1e9;
    return seconds <= 0 ? 0 : sent / seconds;
  }
}
