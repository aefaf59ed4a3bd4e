package io.activationsuite.destination.salesforce.bulk;

import java.util.List;

/**
 * The CSV of one job upload, and for each input record the cells of its row (used to join results
 * back, since Salesforce returns the original columns with each result row).
 */
public record UploadFile(byte[] csv, List<String> columns, List<List<String>> rows) {

  public UploadFile {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }
}
