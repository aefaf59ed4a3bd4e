package io.activationsuite.protocol.checkpoint;

/**
 * Totals of one write: what came in, what ended how (of the acknowledged, how many were {@code merged}
 * into a later record with the same key), how many states were echoed, withheld (a dry run commits
 * nothing) and are still held.
 */
public record CheckpointStats(long recordsTracked, long acknowledged, long rejected, long statesReceived,
    long statesEmitted, long merged, long statesWithheld) {

  /** Totals of a write that withheld no state. */
  public CheckpointStats(long recordsTracked, long acknowledged, long rejected, long statesReceived,
      long statesEmitted, long merged) {
    this(recordsTracked, acknowledged, rejected, statesReceived, statesEmitted, merged, 0);
  }

  public long inFlight() {
    return recordsTracked - acknowledged - rejected;
  }

  public long statesHeld() {
    return statesReceived - statesEmitted - statesWithheld;
  }

  /** "1 record merged into a later one with the same key", for summaries. */
  public static String merged(long count) {
    return count + (count == 1 ? " record" : " records") + " merged into a later one with the same key";
  }
}
