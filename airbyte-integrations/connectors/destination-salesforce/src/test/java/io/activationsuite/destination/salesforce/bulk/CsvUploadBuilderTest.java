package io.activationsuite.destination.salesforce.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sink.api.OutboundRecord;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CsvUploadBuilderTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static OutboundRecord record(String id, String key, String json, Set<String> nulls) throws Exception {
    ObjectNode payload = (ObjectNode) JSON.readTree(json);
    return new OutboundRecord(id, key, payload, nulls, json.length());
  }

  @Test
  void keyColumnComesFirstAndColumnsAreTheUnionOfTheBatch() throws Exception {
    UploadFile file = CsvUploadBuilder.build(List.of(
        record("1", "k1", "{\"LastName\":\"Lee\",\"Ext__c\":\"k1\"}", Set.of()),
        record("2", "k2", "{\"Email\":\"a@b.co\",\"Ext__c\":\"k2\"}", Set.of())), "Ext__c", false);
    assertThat(file.columns()).containsExactly("Ext__c", "LastName", "Email");
    assertThat(new String(file.csv(), StandardCharsets.UTF_8))
        .isEqualTo("Ext__c,LastName,Email\nk1,Lee,\nk2,,a@b.co\n");
  }

  @Test
  void clearedFieldsAreWrittenAsNaAndAbsentOnesLeftEmpty() throws Exception {
    UploadFile file = CsvUploadBuilder.build(List.of(
        record("1", "001", "{\"Id\":\"001\",\"Title\":\"CEO\"}", Set.of("Phone")),
        record("2", "002", "{\"Id\":\"002\",\"Phone\":\"+1 555\"}", Set.of())), "Id", false);
    assertThat(file.rows()).containsExactly(List.of("001", "CEO", "#N/A"), List.of("002", "", "+1 555"));
  }

  @Test
  void valuesAreFormattedForSalesforce() throws Exception {
    UploadFile file = CsvUploadBuilder.build(List.of(record("1", null,
        "{\"Tags__c\":[\"a\",\"b\"],\"Active__c\":true,\"Seats__c\":12,\"Score__c\":0.000001,"
            + "\"Notes__c\":\"x, \\\"y\\\"\\nz\"}", Set.of())), null, false);
    assertThat(file.rows().get(0)).containsExactly("a;b", "true", "12", "0.000001", "x, \"y\"\nz");
    assertThat(new String(file.csv(), StandardCharsets.UTF_8))
        .endsWith("a;b,true,12,0.000001,\"x, \"\"y\"\"\nz\"\n");
  }

  @Test
  void quotesOnlyCellsWithQuotesCommasOrLineBreaksAndLeavesNaAndEmptyCellsBare() throws Exception {
    UploadFile file = CsvUploadBuilder.build(List.of(record("1", null, "{\"A\":\"plain\",\"B\":\"a,b\","
        + "\"C\":\"say \\\"hi\\\"\",\"D\":\"two\\nlines\",\"E\":\"cr\\rhere\",\"F\":\"\",\"G\":\"ünïcødé ✓\","
        + "\"H\":\" lead #1\",\"I\":\"#N/A\"}", Set.of("J"))), null, false);
    assertThat(new String(file.csv(), StandardCharsets.UTF_8)).isEqualTo("A,B,C,D,E,F,G,H,I,J\n"
        + "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\",,ünïcødé ✓, lead #1,#N/A,#N/A\n");
  }

  @Test
  void deleteWritesOnlyTheIdColumn() throws Exception {
    UploadFile file = CsvUploadBuilder.build(List.of(record("1", "001A", "{\"Id\":\"001A\"}", Set.of())), "Id", true);
    assertThat(new String(file.csv(), StandardCharsets.UTF_8)).isEqualTo("Id\n001A\n");
  }

  @Test
  void keyMissingFromPayloadIsTakenFromTheMatchingKey() throws Exception {
    UploadFile file = CsvUploadBuilder.build(List.of(record("1", "001B", "{\"Title\":\"x\"}", Set.of())), "Id", false);
    assertThat(file.rows()).containsExactly(List.of("001B", "x"));
  }
}
