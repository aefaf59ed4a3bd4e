package io.activationsuite.protocol.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.protocol.checkpoint.StateScope;
import io.activationsuite.protocol.model.AirbyteStreamStatusTraceMessage;
import io.activationsuite.protocol.model.Json;
import io.activationsuite.protocol.model.StreamDescriptor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns one stdin line into an {@link Inbound}; never throws on bad input. */
public final class InboundParser {
  private static final Pattern STREAM = Pattern.compile("\"stream\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern NAMESPACE = Pattern.compile("\"namespace\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern STATE_TYPE = Pattern.compile("\"type\"\\s*:\\s*\"STATE\"");

  private final ObjectMapper mapper = Json.mapper();

  /** Parses a line (without its newline). */
  public Inbound parse(String line, long lineNumber) {
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    return parse(bytes, 0, bytes.length, lineNumber);
  }

  /**
   * Parses a line given as UTF-8 bytes (without its newline). A line that is not valid UTF-8 is malformed:
   * its raw text (with replacement characters) goes into the rejection.
   */
  public Inbound parse(byte[] bytes, int offset, int length, long lineNumber) {
    Line line = new Line(bytes, offset, length);
    JsonNode node;
    try {
      node = mapper.readTree(bytes, offset, length);
    } catch (JsonProcessingException e) {
      return malformed(line, lineNumber, "not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      return malformed(line, lineNumber, "not valid JSON: " + e.getMessage());
    }
    if (node == null || !node.isObject()) {
      return malformed(line, lineNumber, "not a JSON object");
    }
    String type = node.path("type").asText("");
    return switch (type) {
      case "RECORD" -> record(node, line, lineNumber);
      case "STATE" -> state((ObjectNode) node, line, lineNumber);
      case "TRACE" -> trace(node, line, lineNumber);
      case "" -> malformed(line, lineNumber, "no message type");
      default -> new Inbound.Other(type);
    };
  }

  /** The line being parsed, decoded only when a message needs its text. */
  private record Line(byte[] bytes, int offset, int length) {
    String text() {
      return new String(bytes, offset, length, StandardCharsets.UTF_8);
    }
  }

  private Inbound record(JsonNode node, Line line, long lineNumber) {
    JsonNode record = node.get("record");
    if (record == null || !record.isObject()) {
      return malformed(line, lineNumber, "RECORD without a record object");
    }
    JsonNode stream = record.get("stream");
    if (stream == null || !stream.isTextual() || stream.asText().isEmpty()) {
      return malformed(line, lineNumber, "RECORD without a stream name");
    }
    JsonNode namespace = record.get("namespace");
    StreamDescriptor descriptor =
        new StreamDescriptor(stream.asText(), namespace == null || namespace.isNull() ? null : namespace.asText());
    JsonNode data = record.get("data");
    if (data == null || !data.isObject()) {
      return new Inbound.Malformed(lineNumber, line.text(), "RECORD data is not an object", descriptor, false);
    }
    long emittedAt = record.path("emitted_at").asLong(0L);
    return new Inbound.Record(descriptor, (ObjectNode) data, emittedAt, line.length());
  }

  private Inbound state(ObjectNode node, Line line, long lineNumber) {
    JsonNode state = node.get("state");
    if (state == null || !state.isObject()) {
      return new Inbound.Malformed(lineNumber, line.text(), "STATE without a state object", null, true);
    }
    String stateType = state.path("type").asText("LEGACY");
    switch (stateType) {
      case "GLOBAL", "LEGACY" -> {
        return new Inbound.State(node, StateScope.GLOBAL);
      }
      case "STREAM" -> {
        JsonNode descriptor = state.path("stream").path("stream_descriptor");
        JsonNode name = descriptor.get("name");
        if (name == null || !name.isTextual()) {
          return new Inbound.Malformed(
              lineNumber, line.text(), "STREAM state without stream.stream_descriptor.name", null, true);
        }
        JsonNode namespace = descriptor.get("namespace");
        String namespaceText = namespace == null || namespace.isNull() ? null : namespace.asText();
        return new Inbound.State(node, StateScope.of(new StreamDescriptor(name.asText(), namespaceText)));
      }
      default -> {
        return new Inbound.Malformed(lineNumber, line.text(), "unknown STATE type " + stateType, null, true);
      }
    }
  }

  private Inbound trace(JsonNode node, Line line, long lineNumber) {
    JsonNode trace = node.path("trace");
    if (!"STREAM_STATUS".equals(trace.path("type").asText())) {
      return new Inbound.Other("TRACE");
    }
    JsonNode status = trace.path("stream_status");
    JsonNode descriptor = status.path("stream_descriptor");
    if (!descriptor.path("name").isTextual()) {
      return malformed(line, lineNumber, "STREAM_STATUS without a stream descriptor");
    }
    try {
      AirbyteStreamStatusTraceMessage.Status value =
          AirbyteStreamStatusTraceMessage.Status.valueOf(status.path("status").asText());
      JsonNode namespace = descriptor.get("namespace");
      return new Inbound.StreamStatus(
          new StreamDescriptor(
              descriptor.get("name").asText(), namespace == null || namespace.isNull() ? null : namespace.asText()),
          value);
    } catch (IllegalArgumentException e) {
      return malformed(line, lineNumber, "unknown stream status " + status.path("status").asText());
    }
  }

  private static Inbound.Malformed malformed(Line raw, long lineNumber, String reason) {
    String line = raw.text();
    boolean looksLikeState = STATE_TYPE.matcher(line).find();
    StreamDescriptor stream = null;
    if (!looksLikeState) {
      Matcher name = STREAM.matcher(line);
      if (name.find()) {
        Matcher namespace = NAMESPACE.matcher(line);
        stream = new StreamDescriptor(name.group(1), namespace.find() ? namespace.group(1) : null);
      }
    }
    return new Inbound.Malformed(lineNumber, line, reason, stream, looksLikeState);
  }
}
