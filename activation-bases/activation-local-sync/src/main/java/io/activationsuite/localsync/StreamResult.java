package io.activationsuite.localsync;

import java.time.Duration;

/**
 * What one stream of a local sync did: records sent, acknowledged (of which {@code merged} landed folded
 * into a later record with the same key) and rejected, and how fast.
 */
public record StreamResult(
    String stream, String object, String mode, long sent, long acknowledged, long rejected, long states,
    Duration duration, long merged) {

  /** A result without merged records. */
  public StreamResult(String stream, String object, String mode, long sent, long acknowledged, long rejected,
      long states, Duration duration) {
    this(stream, object, mode, sent, acknowledged, rejected, states, duration, 0);
  }

  public double recordsPerSecond() {
    double seconds = duration.toNanos() / 1e9;
    return seconds <= 0 ? 0 : sent / seconds;
  }
}
