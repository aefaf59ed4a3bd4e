package io.activationsuite.sink.rejected;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sink.api.RejectionReason;
import io.activationsuite.sink.csv.CsvReader;
import io.activationsuite.sink.csv.CsvWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
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
    return csv(COLUMNS);
  }

  /**
   * One CSV row (CRLF-terminated), in UTF-8; record and payload are JSON text. A {@code null} is an empty
   * unquoted cell, an empty text a quoted one ({@code ""}), so the two read back apart.
   */
  static byte[] csvRow(RejectedRecord rejected) {
    ObjectNode json = toJson(rejected);
    List<String> cells = new ArrayList<>(COLUMNS.size());
    for (String column : COLUMNS) {
      JsonNode value = json.get(column);
      cells.add(value == null || value.isNull() ? null : value.isValueNode() ? value.asText() : value.toString());
    }
    return csv(cells);
  }

  private static byte[] csv(List<String> cells) {
    StringWriter out = new StringWriter(256);
    try (CsvWriter writer = CsvWriter.to(out, "\r\n", true)) {
      writer.row(cells);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Reads back a whole CSV file written with {@link #csvHeader} and {@link #csvRow}. */
  public static List<RejectedRecord> fromCsv(String text) {
    List<List<String>> rows = CsvReader.rowsWithNulls(text);
    if (rows.isEmpty() || !rows.get(0).equals(COLUMNS)) {
      throw new IllegalArgumentException("Not a rejected-records CSV: the header is not " + String.join(",", COLUMNS));
    }
    return rows.subList(1, rows.size()).stream().map(RejectedRecordCodec::fromCsvCells).toList();
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

  private static String text(JsonNode node, String name) {
    JsonNode value = node.get(name);
    return value == null || value.isNull() ? null : value.asText();
  }
}
