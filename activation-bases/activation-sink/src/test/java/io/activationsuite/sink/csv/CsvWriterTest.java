package io.activationsuite.sink.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

  private static final List<String> TRICKY = Arrays.asList("plain", "a,b", "say \"hi\"", "two\nlines", "cr\rhere",
      "crlf\r\nend", "", null, "ünïcødé ✓", " lead", "#N/A", "tab\there", "x".repeat(40) + " long", "end");

  private static String write(String lineSeparator, boolean quoteEmpty, List<List<String>> rows) {
    StringWriter out = new StringWriter();
    try (CsvWriter writer = CsvWriter.to(out, lineSeparator, quoteEmpty)) {
      rows.forEach(writer::row);
    }
    return out.toString();
  }

  @Test
  void quotesOnlyCellsWithACommaAQuoteOrALineBreakWhicheverLineSeparatorRowsEndWith() {
    String cells = "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\",\"crlf\r\nend\",,,"
        + "ünïcødé ✓, lead,#N/A,tab\there," + "x".repeat(40) + " long,end";

    assertThat(write("\n", false, List.of(TRICKY))).isEqualTo(cells + "\n");
    assertThat(write("\r\n", false, List.of(TRICKY, TRICKY))).isEqualTo(cells + "\r\n" + cells + "\r\n");
  }

  @Test
  void anEmptyTextIsQuotedWhenAskedSoItReadsBackApartFromNull() {
    String text = write("\r\n", true, List.of(Arrays.asList("", null, "x")));

    assertThat(text).isEqualTo("\"\",,x\r\n");
    assertThat(CsvReader.rowsWithNulls(text)).containsExactly(Arrays.asList("", null, "x"));
  }

  @Test
  void whatIsWrittenReadsBackCellForCell() {
    List<String> expected = TRICKY.stream().map(cell -> cell == null ? "" : cell).toList();

    assertThat(CsvReader.rows(write("\n", false, List.of(TRICKY, TRICKY)))).containsExactly(expected, expected);
    assertThat(CsvReader.rowsWithNulls(write("\r\n", true, List.of(TRICKY)))).containsExactly(TRICKY);
  }
}
