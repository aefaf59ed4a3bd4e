package io.activationsuite.sink.rejected;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sink.api.RejectionReason;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RejectedRecordCodecTest {

  @Test
  void givenRecord_whenEncodedAsJsonLine_thenSnakeCaseLayoutOnOneLine() throws Exception {
    String line = new String(RejectedRecordCodec.jsonLine(TestRecords.sample("crm", "users", 3)),
        StandardCharsets.UTF_8);
    assertThat(line).endsWith("\n").doesNotContain("\r");
    assertThat(line.indexOf('\n')).isEqualTo(line.length() - 1);
    JsonNode json = TestRecords.MAPPER.readTree(line);
    assertThat(json.fieldNames()).toIterable().containsExactly("stream", "namespace", "reason", "field", "message",
        "http_status", "emitted_at", "rejected_at", "record", "payload");
    assertThat(json.get("reason").asText()).isEqualTo("INVALID_VALUE");
    assertThat(json.get("http_status").asInt()).isEqualTo(400);
    assertThat(json.get("emitted_at").asLong()).isEqualTo(1735689600003L);
    assertThat(json.get("rejected_at").asText()).isEqualTo("2025-01-02T03:05:00.003Z");
    assertThat(json.at("/record/nested/score").asDouble()).isEqualTo(4.5);
    assertThat(json.at("/payload/Email").asText()).isEqualTo("user3@example.com");
  }

  @Test
  void givenMinimalRecord_whenEncoded_thenOptionalFieldsAreNullAndItRoundTrips() {
    RejectedRecord minimal = RejectedRecord.builder(null, "s", RejectionReason.NULL_MATCHING_KEY)
        .rejectedAt(Instant.EPOCH).build();
    ObjectNode json = RejectedRecordCodec.toJson(minimal);
    assertThat(json.get("payload").isNull()).isTrue();
    assertThat(json.get("namespace").isNull()).isTrue();
    assertThat(json.get("record").isNull()).isTrue();
    assertThat(RejectedRecordCodec.fromJson(json)).isEqualTo(minimal);
  }

  @Test
  void givenCsvRow_whenParsedBack_thenEqualRecord() {
    RejectedRecord record = TestRecords.sample("crm", "users", 5);
    String text = new String(RejectedRecordCodec.csvHeader(), StandardCharsets.UTF_8)
        + new String(RejectedRecordCodec.csvRow(record), StandardCharsets.UTF_8);
    assertThat(text).startsWith(String.join(",", RejectedRecordCodec.COLUMNS) + "\r\n");
    assertThat(RejectedRecordCodec.fromCsv(text)).containsExactly(record);
  }

  @Test
  void aCsvRowQuotesOnlyWhatNeedsItAndKeepsEmptyTextApartFromNull() {
    RejectedRecord record = RejectedRecord.builder(null, "s", RejectionReason.INVALID_VALUE).field("")
        .message("say \"hi\", then\nnext line\r\nend #N/A").record(TestRecords.MAPPER.createObjectNode()
            .put("a", "x,y")).payload(TestRecords.MAPPER.createObjectNode().put("Name", "")).rejectedAt(Instant.EPOCH)
        .build();

    String row = new String(RejectedRecordCodec.csvRow(record), StandardCharsets.UTF_8);

    assertThat(row).isEqualTo("s,,INVALID_VALUE,\"\",\"say \"\"hi\"\", then\nnext line\r\nend #N/A\",,,"
        + "1970-01-01T00:00:00Z,\"{\"\"a\"\":\"\"x,y\"\"}\",\"{\"\"Name\"\":\"\"\"\"}\"\r\n");
    String file = new String(RejectedRecordCodec.csvHeader(), StandardCharsets.UTF_8) + row + row;
    assertThat(RejectedRecordCodec.fromCsv(file)).containsExactly(record, record);
    assertThat(RejectedRecordCodec.fromCsv(file).get(0).field()).isEmpty();
    assertThat(RejectedRecordCodec.fromCsv(file).get(0).namespace()).isNull();
  }

  @Test
  void aCsvFileWithAnotherHeaderIsRefused() {
    assertThatThrownBy(() -> RejectedRecordCodec.fromCsv("a,b\r\n1,2\r\n"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("header");
  }

  @Test
  void givenMutableInput_whenRecordBuilt_thenLaterChangesDoNotLeakIn() {
    ObjectNode data = TestRecords.MAPPER.createObjectNode().put("a", 1);
    RejectedRecord record = RejectedRecord.builder("n", "s", RejectionReason.UNKNOWN_FIELD).record(data)
        .rejectedAt(Instant.EPOCH).build();
    data.put("a", 2);
    assertThat(record.record().get("a").asInt()).isEqualTo(1);
  }

  @Test
  void givenMissingStream_whenBuilt_thenRejected() {
    assertThatThrownBy(() -> RejectedRecord.builder("n", "", RejectionReason.REFUSED_BY_API)
        .rejectedAt(Instant.EPOCH).build()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RejectedRecord.builder("n", "s", RejectionReason.REFUSED_BY_API).build())
        .isInstanceOf(NullPointerException.class);
  }
}
