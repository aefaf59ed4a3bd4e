package io.activationsuite.sandbox.salesforce;

import java.util.List;

/**
 * Writes Bulk result CSVs the way Salesforce does: the {@code sf__} columns and values always quoted,
 * original columns quoted only when they need it, rows separated by the job's line ending.
 */
public final class CsvWriter {
  private final CsvDialect dialect;
  private final StringBuilder out = new StringBuilder();

  public CsvWriter(CsvDialect dialect) {
    this.dialect = dialect;
  }

  /** Appends one row; {@code alwaysQuoted} leading cells are quoted unconditionally. */
  public CsvWriter row(List<String> cells, int alwaysQuoted) {
    char d = dialect.delimiterChar();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(d);
      }
      String cell = cells.get(i) == null ? "" : cells.get(i);
      if (i < alwaysQuoted || needsQuotes(cell, d)) {
        out.append('"').append(cell.replace("\"", "\"\"")).append('"');
      } else {
        out.append(cell);
      }
    }
    out.append(dialect.lineSeparator());
    return this;
  }

  private static boolean needsQuotes(String cell, char delimiter) {
    return cell.indexOf(delimiter) >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
        || cell.indexOf('\r') >= 0;
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
