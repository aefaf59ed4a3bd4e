package io.activationsuite.acceptance.kill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.testkit.messages.PlatformSyncInput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The input of one run of a kill trial as the platform sends it: the records from {@code firstRecord} on
 * with a STATE after every {@code stateEvery}-th record (counted over the whole sync, so a rerun's STATEs
 * fall where the first run's did), each STATE with a fresh id that maps back to the records it covers.
 *
 * @param stream the stream name
 * @param firstRecord absolute index of the first record
 * @param lines the lines, each with the absolute index of its record (-1 for other messages)
 * @param stateEnds for each STATE id, how many records of the whole sync it covers
 * @param sent the STATEs sent, in order
 */
record SyncInput(String stream, int firstRecord, List<Line> lines, Map<Long, Integer> stateEnds,
    List<ObjectNode> sent) {

  /** One input line. */
  record Line(String text, int recordIndex) {
  }

  /** The input from record {@code from} of {@code records}, STATE ids starting at {@code firstStateId}. */
  static SyncInput of(String stream, List<ObjectNode> records, int from, int stateEvery, long firstStateId) {
    PlatformSyncInput input = new PlatformSyncInput(firstStateId).started(stream);
    Map<Long, Integer> ends = new HashMap<>();
    for (int i = from; i < records.size(); i++) {
      input.record(stream, records.get(i));
      if ((i + 1) % stateEvery == 0 || i == records.size() - 1) {
        input.streamState(stream);
        List<ObjectNode> states = input.states();
        ends.put(states.get(states.size() - 1).path("state").path("id").asLong(), i + 1);
      }
    }
    input.complete(stream);
    List<Line> lines = new ArrayList<>();
    int next = from;
    for (String text : input.lines()) {
      lines.add(new Line(text, text.startsWith("{\"type\":\"RECORD\"") ? next++ : -1));
    }
    return new SyncInput(stream, from, List.copyOf(lines), Map.copyOf(ends), input.states());
  }

  /** How many records of the whole sync the last of {@code echoed} covers; empty when none is known. */
  OptionalInt resumeAfter(List<ObjectNode> echoed) {
    OptionalInt resume = OptionalInt.empty();
    for (JsonNode state : echoed) {
      Integer end = stateEnds.get(state.path("state").path("id").asLong());
      if (end != null) {
        resume = OptionalInt.of(end);
      }
    }
    return resume;
  }

  /** The id the next run's first STATE gets. */
  long nextStateId() {
    return stateEnds.keySet().stream().mapToLong(Long::longValue).max().orElse(0) + 1;
  }
}
