package io.activationsuite.localsync;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.protocol.checkpoint.CheckpointLedger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the connector's side of the checkpoint contract, as the platform does: every STATE sent comes
 * back exactly once, in order per stream, with the unknown {@code id} kept and
 * {@code recordCount + rejectedRecordCount} equal to the records sent before it. Accumulates the counts.
 */
public final class StateVerifier {
  private final Map<String, Deque<Sent>> outstanding = new HashMap<>();
  private final Map<String, long[]> totals = new HashMap<>();
  private final List<String> problems = new ArrayList<>();

  private record Sent(long id, long records) {}

  public synchronized void sent(String stream, long id, long records) {
    outstanding.computeIfAbsent(stream, s -> new ArrayDeque<>()).addLast(new Sent(id, records));
  }

  /** Records one STATE echoed by the connector (the {@code state} object of the message). */
  public synchronized void echoed(JsonNode state) {
    String stream = state.path("stream").path("stream_descriptor").path("name").asText();
    Deque<Sent> queue = outstanding.get(stream);
    if (queue == null || queue.isEmpty()) {
      problems.add("A STATE of stream " + stream + " came back that was never sent (or twice)");
      return;
    }
    Sent expected = queue.pollFirst();
    long id = state.path("id").asLong(-1);
    if (id != expected.id()) {
      problems.add("Stream " + stream + ": STATE id " + id + " came back where id " + expected.id() + " was due");
    }
    JsonNode stats = state.path("destinationStats");
    long acknowledged = (long) stats.path("recordCount").asDouble(-1);
    long rejected = (long) stats.path("rejectedRecordCount").asDouble(0);
    if (acknowledged < 0) {
      problems.add("Stream " + stream + ": STATE id " + id + " has no destinationStats.recordCount");
    } else if (acknowledged + rejected != expected.records()) {
      problems.add("Stream " + stream + ": STATE id " + id + " counts " + acknowledged + " acknowledged + "
          + rejected + " rejected, but " + expected.records() + " records were sent before it");
    }
    long[] total = totals.computeIfAbsent(stream, s -> new long[4]);
    total[0] += Math.max(acknowledged, 0);
    total[1] += rejected;
    total[2]++;
    total[3] += (long) stats.path("additionalStats").path(CheckpointLedger.MERGED_RECORD_COUNT).asDouble(0);
  }

  /** Acknowledged records that landed folded into a later record with the same key. */
  public synchronized long merged(String stream) {
    return totals.getOrDefault(stream, new long[4])[3];
  }

  public synchronized long acknowledged(String stream) {
    return totals.getOrDefault(stream, new long[4])[0];
  }

  public synchronized long rejected(String stream) {
    return totals.getOrDefault(stream, new long[4])[1];
  }

  public synchronized long statesEchoed(String stream) {
    return totals.getOrDefault(stream, new long[4])[2];
  }

  /** States sent but never echoed. */
  public synchronized long statesMissing() {
    return outstanding.values().stream().mapToLong(Deque::size).sum();
  }

  public synchronized List<String> problems() {
    return List.copyOf(problems);
  }
}
