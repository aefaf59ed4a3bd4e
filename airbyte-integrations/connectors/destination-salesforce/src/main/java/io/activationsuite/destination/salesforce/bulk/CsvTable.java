package io.activationsuite.destination.salesforce.bulk;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A parsed CSV document: the header row and the data rows, each a list of cells. */
public record CsvTable(List<String> header, List<List<String>> rows) {

  public CsvTable {
    header = List.copyOf(header);
    rows = List.copyOf(rows);
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
