package io.activationsuite.destination.salesforce.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvCodecTest {

  @Test
  void quotesOnlyCellsWithQuotesCommasOrLineBreaks() {
    StringBuilder out = new StringBuilder();
    CsvCodec.appendRow(out, List.of("plain", "a,b", "say \"hi\"", "two\nlines", "cr\rhere", "", "ünïcødé ✓"));
    assertThat(out.toString())
        .isEqualTo("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\",,ünïcødé ✓\n");
  }

  @Test
  void parseReadsBackWhatAppendRowWrote() {
    List<String> header = List.of("Id", "Name", "Notes");
    List<String> row1 = List.of("001", "O'Brien, \"Pat\"", "line1\r\nline2");
    List<String> row2 = List.of("002", "", "日本語");
    StringBuilder out = new StringBuilder();
    CsvCodec.appendRow(out, header);
    CsvCodec.appendRow(out, row1);
    CsvCodec.appendRow(out, row2);
    CsvTable table = CsvCodec.parse(out.toString());
    assertThat(table.header()).isEqualTo(header);
    assertThat(table.rows()).containsExactly(row1, row2);
  }

  @Test
  void parseAcceptsCrlfRowEndsBomAndMissingFinalNewline() {
    CsvTable table = CsvCodec.parse("\uFEFF\"sf__Id\",\"sf__Created\"\r\n\"003A\",\"true\"\r\n003B,false");
    assertThat(table.header()).containsExactly("sf__Id", "sf__Created");
    assertThat(table.rows()).containsExactly(List.of("003A", "true"), List.of("003B", "false"));
  }

  @Test
  void emptyDocumentHasNoRows() {
    assertThat(CsvCodec.parse("").rows()).isEmpty();
    assertThat(CsvCodec.parse("sf__Id,sf__Error\n").rows()).isEmpty();
  }

  @Test
  void unterminatedQuoteIsAnError() {
    assertThatThrownBy(() -> CsvCodec.parse("a\n\"open")).isInstanceOf(IllegalArgumentException.class);
  }
}
