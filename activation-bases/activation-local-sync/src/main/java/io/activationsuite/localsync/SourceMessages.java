package io.activationsuite.localsync;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.protocol.model.Json;

/**
 * Builds the messages a source would send, the way the platform sends them: RECORDs, STREAM states
 * carrying an {@code id} and {@code sourceStats}, and STREAM_STATUS traces.
 */
public final class SourceMessages {
  private final ObjectMapper mapper = Json.mapper();

  public String record(String namespace, String stream, ObjectNode data, long emittedAt) {
    ObjectNode message = mapper.createObjectNode().put("type", "RECORD");
    ObjectNode record = message.putObject("record");
    if (namespace != null) {
      record.put("namespace", namespace);
    }
    record.put("stream", stream).put("emitted_at", emittedAt).set("data", data);
    return message.toString();
  }

  /** A STREAM state: cursor = rows read so far; {@code id} as the platform attaches to every state. */
  public String state(String namespace, String stream, long rowsSoFar, long recordsSinceLast, long id) {
    ObjectNode message = mapper.createObjectNode().put("type", "STATE");
    ObjectNode state = message.putObject("state").put("type", "STREAM");
    ObjectNode streamNode = state.putObject("stream");
    ObjectNode descriptor = streamNode.putObject("stream_descriptor").put("name", stream);
    if (namespace != null) {
      descriptor.put("namespace", namespace);
    }
    streamNode.putObject("stream_state").put("rows_read", rowsSoFar);
    state.putObject("sourceStats").put("recordCount", (double) recordsSinceLast);
    state.put("id", id);
    return message.toString();
  }

  public String status(String namespace, String stream, String status, long emittedAt) {
    ObjectNode message = mapper.createObjectNode().put("type", "TRACE");
    ObjectNode trace = message.putObject("trace").put("type", "STREAM_STATUS").put("emitted_at", (double) emittedAt);
    ObjectNode descriptor = trace.putObject("stream_status").put("status", status)
        .putObject("stream_descriptor").put("name", stream);
    if (namespace != null) {
      descriptor.put("namespace", namespace);
    }
    return message.toString();
  }
}
