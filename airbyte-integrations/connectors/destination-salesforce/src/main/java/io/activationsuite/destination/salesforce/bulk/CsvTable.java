package io.activationsuite.destination.salesforce.bulk;

import io.activationsuite.sink.csv.CsvReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A parsed CSV document of Bulk API 2.0 (job results): the header row and the data rows, each a list of cells. */
public record CsvTable(List<String> header, List<List<String>> rows) {

  public CsvTable {
    header = List.copyOf(header);
    rows = List.copyOf(rows);
  }

  /**
   * Parses a whole document (RFC 4180: quoted cells spanning lines, CRLF or LF, a leading BOM skipped); the first
   * row is the header, and an empty document has none.
   *
   * @throws IllegalArgumentException when the document ends inside a quoted cell
   */
  public static CsvTable parse(String text) {
    List<List<String>> rows = CsvReader.rows(text);
    return rows.isEmpty() ? new CsvTable(List.of(), List.of()) : new CsvTable(rows.get(0), rows.subList(1, rows.size()));
  }

  /** Column name to index (first occurrence wins). */
  public Map<String, Integer> columnIndex() {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      index.putIfAbsent(header.get(i), i);
    }
    return index;
  }
}
