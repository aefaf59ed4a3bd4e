package io.activationsuite.sandbox.salesforce;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 parser for Bulk upload data: quoted fields with embedded delimiters, line breaks and doubled
 * quotes; LF or CRLF row endings; any Unicode text. Tells apart an empty unquoted cell and a quoted empty
 * string only as far as Salesforce does (both are "empty").
 */
public final class CsvReader {
  private CsvReader() {
  }

  /** Parses the whole text into rows of cells. A trailing line break does not add an empty row. */
  public static List<List<String>> parse(String text, char delimiter) throws CsvFormatException {
    return parse(text, delimiter, null);
  }

  /**
   * Parses like {@link #parse(String, char)} and, when {@code expectedLineEnding} is given ("LF" or
   * "CRLF"), rejects row endings of the other kind, as Salesforce does for the job's {@code lineEnding}.
   */
  public static List<List<String>> parse(String text, char delimiter, String expectedLineEnding)
      throws CsvFormatException {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    int i = 0;
    int n = text.length();
    if (n > 0 && text.charAt(0) == '\uFEFF') {
      i = 1;
    }
    boolean rowHasContent = false;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '"' && cell.isEmpty()) {
        i = readQuoted(text, i + 1, cell, delimiter);
        rowHasContent = true;
        continue;
      }
      if (c == '"') {
        throw new CsvFormatException("unexpected quote in unquoted field at offset " + i);
      }
      if (c == delimiter) {
        row.add(cell.toString());
        cell.setLength(0);
        rowHasContent = true;
        i++;
      } else if (c == '\n' || c == '\r') {
        boolean crlf = c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n';
        if (expectedLineEnding != null && crlf != expectedLineEnding.equals("CRLF")) {
          throw new CsvFormatException("LineEnding is invalid on user data. Current LineEnding setting is "
              + expectedLineEnding);
        }
        if (crlf) {
          i++;
        }
        i++;
        if (rowHasContent || !cell.isEmpty()) {
          row.add(cell.toString());
          rows.add(row);
        }
        row = new ArrayList<>();
        cell.setLength(0);
        rowHasContent = false;
      } else {
        cell.append(c);
        rowHasContent = true;
        i++;
      }
    }
    if (rowHasContent || !cell.isEmpty()) {
      row.add(cell.toString());
      rows.add(row);
    }
    return rows;
  }

  private static int readQuoted(String text, int start, StringBuilder cell, char delimiter)
      throws CsvFormatException {
    int i = start;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c == '"') {
        if (i + 1 < n && text.charAt(i + 1) == '"') {
          cell.append('"');
          i += 2;
          continue;
        }
        int next = i + 1;
        if (next < n) {
          char after = text.charAt(next);
          if (after != delimiter && after != '\n' && after != '\r') {
            throw new CsvFormatException("unexpected character after closing quote at offset " + next);
          }
        }
        return next;
      }
      cell.append(c);
      i++;
    }
    throw new CsvFormatException("unterminated quoted field starting at offset " + (start - 1));
  }
}
