package io.activationsuite.testkit.messages;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the stdin of a {@code write} the way the Airbyte platform sends it: RECORD messages, STREAM
 * and GLOBAL STATE messages carrying the platform's integer {@code id} and {@code sourceStats} (the
 * records of that scope since its previous STATE), and STREAM_STATUS traces. Keeps the STATEs it sent
 * so tests can compare them with what the connector echoes ({@link EchoedStates}).
 */
public final class PlatformSyncInput {

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final List<String> lines = new ArrayList<>();
  private final List<ObjectNode> states = new ArrayList<>();
  private final Map<String, Integer> sinceStreamState = new HashMap<>();
  private int sinceGlobalState;
  private int records;
  private long nextStateId;
  private long emittedAt = 1_700_000_000_000L;

  /** Starts an input whose state ids begin at {@code firstStateId}. */
  public PlatformSyncInput(long firstStateId) {
    this.nextStateId = firstStateId;
  }

  /** Starts an input whose state ids begin at 1. */
  public PlatformSyncInput() {
    this(1);
  }

  /** A RECORD of {@code stream} carrying {@code data}. */
  public PlatformSyncInput record(String stream, ObjectNode data) {
    ObjectNode message = JSON.createObjectNode().put("type", "RECORD");
    message.putObject("record").put("stream", stream).put("emitted_at", emittedAt++).set("data", data.deepCopy());
    return counted(stream, message.toString());
  }

  /**
   * A line the platform would count as a record of {@code stream} that is not valid JSON (cut short):
   * the connector must reject and count it, not fail.
   */
  public PlatformSyncInput malformedRecord(String stream) {
    String line = "{\"type\":\"RECORD\",\"record\":{\"stream\":" + JSON.getNodeFactory().textNode(stream)
        + ",\"emitted_at\":" + (emittedAt++) + ",\"data\":{\"broken\":";
    return counted(stream, line);
  }

  private PlatformSyncInput counted(String stream, String line) {
    lines.add(line);
    sinceStreamState.merge(stream, 1, Integer::sum);
    sinceGlobalState++;
    records++;
    return this;
  }

  /** A STREAM STATE of {@code stream} with a fresh id and the stream's records since its last STATE. */
  public PlatformSyncInput streamState(String stream) {
    ObjectNode message = JSON.createObjectNode().put("type", "STATE");
    ObjectNode state = message.putObject("state").put("type", "STREAM");
    ObjectNode streamState = state.putObject("stream");
    streamState.putObject("stream_descriptor").put("name", stream);
    streamState.putObject("stream_state").put("cursor", "c-" + nextStateId);
    int count = sinceStreamState.getOrDefault(stream, 0);
    sinceStreamState.put(stream, 0);
    return state(message, state, count);
  }

  /** A GLOBAL STATE covering {@code streams}, with a fresh id and every record since the last GLOBAL. */
  public PlatformSyncInput globalState(String... streams) {
    ObjectNode message = JSON.createObjectNode().put("type", "STATE");
    ObjectNode state = message.putObject("state").put("type", "GLOBAL");
    ObjectNode global = state.putObject("global");
    global.putObject("shared_state").put("lsn", nextStateId * 100);
    var streamStates = global.putArray("stream_states");
    for (String stream : streams) {
      ObjectNode entry = streamStates.addObject();
      entry.putObject("stream_descriptor").put("name", stream);
      entry.putObject("stream_state").put("cursor", "g-" + nextStateId);
    }
    int count = sinceGlobalState;
    sinceGlobalState = 0;
    return state(message, state, count);
  }

  private PlatformSyncInput state(ObjectNode message, ObjectNode state, int sourceCount) {
    state.put("id", nextStateId++);
    state.putObject("sourceStats").put("recordCount", (double) sourceCount);
    states.add(message);
    lines.add(message.toString());
    return this;
  }

  /** A STREAM_STATUS trace ({@code STARTED}, {@code RUNNING}, {@code COMPLETE} or {@code INCOMPLETE}). */
  public PlatformSyncInput streamStatus(String stream, String status) {
    ObjectNode message = JSON.createObjectNode().put("type", "TRACE");
    ObjectNode trace = message.putObject("trace").put("type", "STREAM_STATUS").put("emitted_at", emittedAt++);
    ObjectNode streamStatus = trace.putObject("stream_status").put("status", Objects.requireNonNull(status));
    streamStatus.putObject("stream_descriptor").put("name", stream);
    lines.add(message.toString());
    return this;
  }

  /** STREAM_STATUS STARTED for each stream. */
  public PlatformSyncInput started(String... streams) {
    for (String stream : streams) {
      streamStatus(stream, "STARTED");
    }
    return this;
  }

  /** STREAM_STATUS COMPLETE for each stream. */
  public PlatformSyncInput complete(String... streams) {
    for (String stream : streams) {
      streamStatus(stream, "COMPLETE");
    }
    return this;
  }

  /** The stdin lines, in order. */
  public List<String> lines() {
    return List.copyOf(lines);
  }

  /** The STATE messages sent, in order. */
  public List<ObjectNode> states() {
    return List.copyOf(states);
  }

  /** How many record lines (including malformed ones) were sent. */
  public int recordCount() {
    return records;
  }
}
