package io.activationsuite.localsync;

import java.time.Duration;

/** What one stream of a local sync did: records sent, acknowledged and rejected, and how fast. */
public record StreamResult(
    String stream, String object, String mode, long sent, long acknowledged, long rejected, long states,
    Duration duration) {

  public double recordsPerSecond() {
    double seconds = duration.toNanos() / 1e9;
    return seconds <= 0 ? 0 : sent / seconds;
  }
}
