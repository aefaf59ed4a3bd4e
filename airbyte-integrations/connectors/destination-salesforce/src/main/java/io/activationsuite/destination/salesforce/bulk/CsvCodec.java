package io.activationsuite.destination.salesforce.bulk;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV as Bulk API 2.0 speaks it (comma delimiter, LF line endings, UTF-8): cells holding a
 * quote, comma, CR or LF are quoted with inner quotes doubled; the parser accepts quoted cells spanning
 * lines and CRLF or LF row ends.
 */
public final class CsvCodec {

  private CsvCodec() {}

  /** Appends one cell, quoted when needed. */
  public static void appendCell(StringBuilder out, String value) {
    if (needsQuotes(value)) {
      out.append('"').append(value.replace("\"", "\"\"")).append('"');
    } else {
      out.append(value);
    }
  }

  /** Appends one row of cells followed by LF. */
  public static void appendRow(StringBuilder out, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      appendCell(out, cells.get(i));
    }
    out.append('\n');
  }

  private static boolean needsQuotes(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == ',' || c == '\n' || c == '\r') {
        return true;
      }
    }
    return false;
  }

  /** Parses a whole document; the first row is the header. An empty document has no header. */
  public static CsvTable parse(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    boolean rowStarted = false;
    int i = 0;
    int n = text.length();
    if (n > 0 && text.charAt(0) == '\uFEFF') {
      i = 1;
    }
    for (; i < n; i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < n && text.charAt(i + 1) == '"') {
            cell.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          cell.append(c);
        }
        continue;
      }
      switch (c) {
        case '"' -> {
          quoted = true;
          rowStarted = true;
        }
        case ',' -> {
          row.add(cell.toString());
          cell.setLength(0);
          rowStarted = true;
        }
        case '\r' -> {
          // part of a CRLF row end: the LF ends the row
        }
        case '\n' -> {
          if (rowStarted || cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
          }
          row = new ArrayList<>();
          cell.setLength(0);
          rowStarted = false;
        }
        default -> {
          cell.append(c);
          rowStarted = true;
        }
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("CSV ends inside a quoted cell");
    }
    if (rowStarted || cell.length() > 0 || !row.isEmpty()) {
      row.add(cell.toString());
      rows.add(row);
    }
    if (rows.isEmpty()) {
      return new CsvTable(List.of(), List.of());
    }
    return new CsvTable(rows.get(0), rows.subList(1, rows.size()));
  }
}
