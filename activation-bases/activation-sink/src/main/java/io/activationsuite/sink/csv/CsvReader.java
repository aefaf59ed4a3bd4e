package io.activationsuite.sink.csv;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.util.List;

/**
 * Reads RFC 4180 CSV text into rows of cells: quoted cells may span lines and hold doubled quotes, rows end
 * with LF or CRLF, empty lines and a leading byte-order mark are skipped, and rows may differ in length.
 * A text that ends inside a quoted cell is refused with an {@link IllegalArgumentException}.
 */
public final class CsvReader {

  private static final CsvMapper MAPPER = new CsvMapper();
  private static final ObjectReader ROWS = MAPPER.readerForListOf(String.class)
      .with(CsvParser.Feature.WRAP_AS_ARRAY).with(CsvParser.Feature.SKIP_EMPTY_LINES);

  private CsvReader() {
  }

  /** Every row of {@code text}; an empty cell is the empty text. */
  public static List<List<String>> rows(String text) {
    return read(ROWS, text);
  }

  /** Every row of {@code text}; an unquoted empty cell is {@code null}, a quoted one ({@code ""}) the empty text. */
  public static List<List<String>> rowsWithNulls(String text) {
    return read(ROWS.with(CsvParser.Feature.EMPTY_UNQUOTED_STRING_AS_NULL), text);
  }

  private static List<List<String>> read(ObjectReader reader, String text) {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    if (body.isEmpty()) {
      return List.of();
    }
    try (MappingIterator<List<String>> rows = reader.readValues(body)) {
      return rows.readAll();
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("Not valid CSV: " + String.valueOf(e.getMessage()).lines().findFirst()
          .orElse(""), e);
    }
  }
}
