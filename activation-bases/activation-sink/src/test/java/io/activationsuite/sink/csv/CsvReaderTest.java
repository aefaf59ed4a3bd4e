package io.activationsuite.sink.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

  @Test
  void readsCrlfAndLfRowEndsABomQuotedLineBreaksAndAMissingFinalNewline() {
    assertThat(CsvReader.rows("\uFEFF\"Id\",Notes\r\n\"003A\",\"one\r\ntwo, \"\"three\"\"\"\n003B,x"))
        .containsExactly(List.of("Id", "Notes"), List.of("003A", "one\r\ntwo, \"three\""), List.of("003B", "x"));
  }

  @Test
  void skipsEmptyLinesAndAcceptsRowsOfDifferentLengths() {
    assertThat(CsvReader.rows("a,b\n\n1\n1,2,3\n")).containsExactly(List.of("a", "b"), List.of("1"),
        List.of("1", "2", "3"));
  }

  @Test
  void anUnquotedEmptyCellIsNullOnlyWhenAskedAndAQuotedOneIsEmptyText() {
    assertThat(CsvReader.rows(",\"\",x\n")).containsExactly(List.of("", "", "x"));
    assertThat(CsvReader.rowsWithNulls(",\"\",x\n")).containsExactly(Arrays.asList(null, "", "x"));
  }

  @Test
  void anEmptyTextHasNoRowsAndAnUnterminatedQuoteIsRefused() {
    assertThat(CsvReader.rows("")).isEmpty();
    assertThat(CsvReader.rows("\uFEFF")).isEmpty();
    assertThatThrownBy(() -> CsvReader.rows("a\n\"open")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Not valid CSV");
  }
}
