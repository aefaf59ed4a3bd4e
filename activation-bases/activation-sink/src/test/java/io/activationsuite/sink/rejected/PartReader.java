package io.activationsuite.sink.rejected;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Decodes part files back to records, as a user's tooling would. */
final class PartReader {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private PartReader() {
  }

  static List<RejectedRecord> read(String key, byte[] content) {
    try {
      byte[] plain = key.endsWith(".gz")
          ? new GZIPInputStream(new ByteArrayInputStream(content)).readAllBytes() : content;
      String text = new String(plain, StandardCharsets.UTF_8);
      return key.contains(".csv") ? csv(text) : jsonl(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<RejectedRecord> jsonl(String text) throws IOException {
    List<RejectedRecord> records = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (!line.isEmpty()) {
        records.add(RejectedRecordCodec.fromJson(MAPPER.readTree(line)));
      }
    }
    return records;
  }

  private static List<RejectedRecord> csv(String text) {
    List<List<String>> rows = parseCsv(text);
    if (!rows.get(0).equals(RejectedRecordCodec.COLUMNS)) {
      throw new IllegalStateException("Bad CSV header " + rows.get(0));
    }
    return rows.subList(1, rows.size()).stream().map(RejectedRecordCodec::fromCsvCells).toList();
  }

  /** RFC 4180 parser: an unquoted empty cell is null, a quoted one the empty string. */
  static List<List<String>> parseCsv(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
        wasQuoted = true;
      } else if (c == ',' || c == '\r') {
        if (c == ',' || text.charAt(i + 1) == '\n') {
          row.add(cell.isEmpty() && !wasQuoted ? null : cell.toString());
          cell.setLength(0);
          wasQuoted = false;
          if (c == '\r') {
            rows.add(row);
            row = new ArrayList<>();
            i++;
          }
        }
      } else {
        cell.append(c);
      }
    }
    return rows;
  }
}
