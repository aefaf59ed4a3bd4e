package io.activationsuite.sink.csv;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes rows of text cells as RFC 4180 CSV (comma, double quote): a cell is quoted only when it holds a
 * comma, a quote (doubled inside), a CR or an LF - and, when asked, when it is empty, so that an empty text
 * reads back apart from a missing ({@code null}) cell, which is always written empty and unquoted.
 *
 * <p>Jackson's strict quoting check tests only the first character of the line separator, so a cell holding
 * the other line-break character would go out unquoted; such cells, and empty ones when asked, are written
 * with Jackson's always-quote switch on.
 */
public final class CsvWriter implements AutoCloseable {

  private static final CsvMapper MAPPER = CsvMapper.builder()
      .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).build();
  private static final int ALWAYS_QUOTE = CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS.getMask();

  private final CsvGenerator generator;
  private final boolean quoteEmpty;

  private CsvWriter(Writer out, String lineSeparator, boolean quoteEmpty) throws IOException {
    this.generator = (CsvGenerator) MAPPER.getFactory().createGenerator(out);
    this.generator.setSchema(CsvSchema.emptySchema().withLineSeparator(lineSeparator));
    this.quoteEmpty = quoteEmpty;
  }

  /**
   * A writer onto {@code out}, ending rows with {@code lineSeparator} ({@code "\n"} or {@code "\r\n"}) and
   * quoting empty cells when {@code quoteEmpty}.
   */
  public static CsvWriter to(Writer out, String lineSeparator, boolean quoteEmpty) {
    try {
      return new CsvWriter(out, lineSeparator, quoteEmpty);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes one row; a {@code null} cell is written empty and unquoted. */
  public CsvWriter row(List<String> cells) {
    try {
      generator.writeStartArray();
      for (String cell : cells) {
        if (cell == null) {
          generator.writeString("");
        } else if (mustQuote(cell)) {
          generator.overrideFormatFeatures(ALWAYS_QUOTE, ALWAYS_QUOTE);
          generator.writeString(cell);
          generator.overrideFormatFeatures(0, ALWAYS_QUOTE);
        } else {
          generator.writeString(cell);
        }
      }
      generator.writeEndArray();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private boolean mustQuote(String cell) {
    return cell.isEmpty() ? quoteEmpty : cell.indexOf('\r') >= 0 || cell.indexOf('\n') >= 0;
  }

  /** Flushes what was written to the underlying writer (which stays open). */
  @Override
  public void close() {
    try {
      generator.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
