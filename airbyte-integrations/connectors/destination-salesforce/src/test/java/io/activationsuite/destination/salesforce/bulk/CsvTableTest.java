package io.activationsuite.destination.salesforce.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CsvTableTest {

  @Test
  void parseReadsBackWhatTheUploadBuilderWrote() throws Exception {
    UploadFile upload = CsvUploadBuilder.build(List.of(
        CsvUploadBuilderTest.record("1", "001", "{\"Id\":\"001\",\"Name\":\"O'Brien, \\\"Pat\\\"\","
            + "\"Notes\":\"line1\\r\\nline2\"}", Set.of()),
        CsvUploadBuilderTest.record("2", "002", "{\"Id\":\"002\",\"Notes\":\"日本語\"}", Set.of("Name"))),
        "Id", false);
    CsvTable table = CsvTable.parse(new String(upload.csv(), StandardCharsets.UTF_8));
    assertThat(table.header()).containsExactly("Id", "Name", "Notes");
    assertThat(table.rows()).containsExactly(List.of("001", "O'Brien, \"Pat\"", "line1\r\nline2"),
        List.of("002", "#N/A", "日本語"));
    assertThat(table.rows()).isEqualTo(upload.rows());
  }

  @Test
  void parseAcceptsCrlfRowEndsBomAndMissingFinalNewline() {
    CsvTable table = CsvTable.parse("\uFEFF\"sf__Id\",\"sf__Created\"\r\n\"003A\",\"true\"\r\n003B,false");
    assertThat(table.header()).containsExactly("sf__Id", "sf__Created");
    assertThat(table.rows()).containsExactly(List.of("003A", "true"), List.of("003B", "false"));
    assertThat(table.columnIndex()).containsEntry("sf__Created", 1);
  }

  @Test
  void emptyCellsAreEmptyTextAndEmptyLinesAreSkipped() {
    CsvTable table = CsvTable.parse("sf__Id,sf__Error,Name\n,\"\",x\n\n003C,,\n");
    assertThat(table.rows()).containsExactly(List.of("", "", "x"), List.of("003C", "", ""));
  }

  @Test
  void emptyDocumentHasNoRows() {
    assertThat(CsvTable.parse("").rows()).isEmpty();
    assertThat(CsvTable.parse("").header()).isEmpty();
    assertThat(CsvTable.parse("sf__Id,sf__Error\n").rows()).isEmpty();
  }

  @Test
  void unterminatedQuoteIsAnError() {
    assertThatThrownBy(() -> CsvTable.parse("a\n\"open")).isInstanceOf(IllegalArgumentException.class);
  }
}
