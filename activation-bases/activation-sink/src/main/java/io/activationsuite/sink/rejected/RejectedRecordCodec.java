package io.activationsuite.sink.rejected;

import io.activationsuite.sink.api.RejectionReason;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * The documented layout of one rejected record in a file: snake_case names, one JSON object per line for JSONL
 * or one row per record for CSV. Keeping encoding and decoding together guarantees files read back to the same
 * records.
 *
 * <p>Columns: {@code stream, namespace, reason, field, message, http_status, emitted_at} (source epoch
 * milliseconds), {@code rejected_at} (ISO-8601 UTC), {@code record} (original data), {@code payload} (mapped
 * payload or null).
 */
public final class RejectedRecordCodec {

  /** Column names, in CSV order. */
  public static final List<String> COLUMNS = List.of("stream", "namespace", "reason", "field", "message",
      "http_status", "emitted_at", "rejected_at", "record", "payload");

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private RejectedRecordCodec() {
  }

  /** The record as a JSON object with the documented names. */
  public static ObjectNode toJson(RejectedRecord rejected) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("stream", rejected.stream());
    node.put("namespace", rejected.namespace());
    node.put("reason", rejected.reason().name());
    node.put("field", rejected.field());
    node.put("message", rejected.message());
    node.put("http_status", rejected.httpStatus());
    node.put("emitted_at", rejected.emittedAt());
    node.put("rejected_at", rejected.rejectedAt().toString());
    node.set("record", rejected.record());
    node.set("payload", rejected.payload());
    if (rejected.payload() == null) {
      node.putNull("payload");
    }
    return node;
  }

  /** Reads back a JSON object written by {@link #toJson}. */
  public static RejectedRecord fromJson(JsonNode node) {
    return new RejectedRecord(
        text(node, "namespace"),
        node.path("stream").asText(),
        node.get("record"),
        node.get("payload"),
        RejectionReason.valueOf(node.path("reason").asText()),
        text(node, "field"),
        text(node, "message"),
        node.hasNonNull("http_status") ? node.get("http_status").asInt() : null,
        node.hasNonNull("emitted_at") ? node.get("emitted_at").asLong() : null,
        Instant.parse(node.path("rejected_at").asText()));
  }

  /** One JSONL line, newline included, in UTF-8. */
  static byte[] jsonLine(RejectedRecord rejected) {
    try {
      byte[] json = MAPPER.writeValueAsBytes(toJson(rejected));
      byte[] line = new byte[json.length + 1];
      System.arraycopy(json, 0, line, 0, json.length);
      line[json.length] = '\n';
      return line;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A JSON tree could not be serialized", e);
    }
  }

  /** The CSV header line, in UTF-8. */
  static byte[] csvHeader() {
    return (String.join(",", COLUMNS) + "\r\n").getBytes(StandardCharsets.UTF_8);
  }

  /** One CSV row (CRLF-terminated), in UTF-8; record and payload are JSON text. */
  static byte[] csvRow(RejectedRecord rejected) {
    ObjectNode json = toJson(rejected);
    StringBuilder row = new StringBuilder(256);
    for (int i = 0; i < COLUMNS.size(); i++) {
      if (i > 0) {
        row.append(',');
      }
      JsonNode value = json.get(COLUMNS.get(i));
      if (value == null || value.isNull()) {
        continue;
      }
      appendCsvCell(row, value.isValueNode() ? value.asText() : value.toString());
    }
    return row.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Rebuilds a record from the cells of a CSV data row written by {@link #csvRow}: an unquoted empty cell is
   * {@code null}, a quoted empty cell is the empty string.
   */
  public static RejectedRecord fromCsvCells(List<String> cells) {
    if (cells.size() != COLUMNS.size()) {
      throw new IllegalArgumentException("Expected " + COLUMNS.size() + " cells, got " + cells.size());
    }
    ObjectNode node = MAPPER.createObjectNode();
    for (int i = 0; i < COLUMNS.size(); i++) {
      String cell = cells.get(i);
      String column = COLUMNS.get(i);
      if (cell == null) {
        node.putNull(column);
      } else if (column.equals("record") || column.equals("payload")) {
        try {
          node.set(column, MAPPER.readTree(cell));
        } catch (JsonProcessingException e) {
          throw new IllegalArgumentException("Column " + column + " is not JSON", e);
        }
      } else {
        node.put(column, cell);
      }
    }
    return fromJson(node);
  }

  private static void appendCsvCell(StringBuilder row, String text) {
    boolean quote = text.isEmpty() || text.indexOf(',') >= 0 || text.indexOf('"') >= 0
        || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
    if (!quote) {
      row.append(text);
      return;
    }
    row.append('"').append(text.replace("\"", "\"\"")).append('"');
  }

  private static String text(JsonNode node, String name) {
    JsonNode value = node.get(name);
    return value == null || value.isNull() ? null : value.asText();
  }
}
