package io.activationsuite.protocol.checkpoint;

/** Totals of one write: what came in, what ended how, how many states were echoed and are still held. */
public record CheckpointStats(
    long recordsTracked, long acknowledged, long rejected, long statesReceived, long statesEmitted) {

  public long inFlight() {
    return recordsTracked - acknowledged - rejected;
  }

  public long statesHeld() {
    return statesReceived - statesEmitted;
  }
}
