package io.activationsuite.sandbox.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

  @Test
  void quotedFieldsMayContainDelimitersLineBreaksAndDoubledQuotes() throws Exception {
    List<List<String>> rows = CsvReader.parse("a,b,c\n\"x,1\",\"line1\nline2\",\"say \"\"hi\"\"\"\n", ',');

    assertThat(rows).containsExactly(List.of("a", "b", "c"), List.of("x,1", "line1\nline2", "say \"hi\""));
  }

  @Test
  void emptyCellsAndTrailingEmptyCellAreKept() throws Exception {
    assertThat(CsvReader.parse("a,b,c\n,,\n1,,\n", ',')).containsExactly(List.of("a", "b", "c"),
        List.of("", "", ""), List.of("1", "", ""));
  }

  @Test
  void missingFinalLineBreakAndByteOrderMarkAreHandled() throws Exception {
    assertThat(CsvReader.parse("\uFEFFa|b\n1|ü", '|')).containsExactly(List.of("a", "b"), List.of("1", "ü"));
  }

  @Test
  void lineEndingMustMatchTheJobSetting() throws Exception {
    assertThat(CsvReader.parse("a\r\n1\r\n", ',', "CRLF")).containsExactly(List.of("a"), List.of("1"));
    assertThatThrownBy(() -> CsvReader.parse("a\r\n1\r\n", ',', "LF")).isInstanceOf(CsvFormatException.class)
        .hasMessageContaining("LineEnding is invalid");
    assertThatThrownBy(() -> CsvReader.parse("a\n1\n", ',', "CRLF")).isInstanceOf(CsvFormatException.class);
  }

  @Test
  void lineBreaksInsideQuotesDoNotCountAsRowEndings() throws Exception {
    assertThat(CsvReader.parse("a\n\"x\r\ny\"\n", ',', "LF")).containsExactly(List.of("a"), List.of("x\r\ny"));
  }

  @Test
  void brokenQuotingIsRejected() {
    assertThatThrownBy(() -> CsvReader.parse("a\n\"open\n", ',')).isInstanceOf(CsvFormatException.class)
        .hasMessageContaining("unterminated");
    assertThatThrownBy(() -> CsvReader.parse("a\nx\"y\n", ',')).isInstanceOf(CsvFormatException.class);
    assertThatThrownBy(() -> CsvReader.parse("a\n\"x\"y\n", ',')).isInstanceOf(CsvFormatException.class);
  }

  @Test
  void writerRoundTripsThroughReader() throws Exception {
    CsvDialect dialect = new CsvDialect("SEMICOLON", "CRLF");
    String text = new CsvWriter(dialect).row(List.of("sf__Id", "sf__Error", "Name"), 2)
        .row(List.of("", "ERR:x;y", "a \"b\"\nc"), 2).toString();

    assertThat(text).startsWith("\"sf__Id\";\"sf__Error\";Name\r\n");
    assertThat(CsvReader.parse(text, ';', "CRLF")).containsExactly(List.of("sf__Id", "sf__Error", "Name"),
        List.of("", "ERR:x;y", "a \"b\"\nc"));
  }

  @Test
  void dialectRejectsUnknownDelimiter() {
    assertThatThrownBy(() -> new CsvDialect("COLON", "LF")).isInstanceOf(IllegalArgumentException.class);
    assertThat(new CsvDialect("tab", "lf").delimiterChar()).isEqualTo('\t');
  }
}
