package io.activationsuite.sink.rejected;

import io.activationsuite.sink.api.RejectionReason;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Sample rejected records and a fixed clock for deterministic names. */
final class TestRecords {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final Instant OPENED_AT = Instant.parse("2025-01-02T03:04:05.678Z");
  static final Clock CLOCK = Clock.fixed(OPENED_AT, ZoneOffset.UTC);

  private TestRecords() {
  }

  static RejectedRecord sample(String namespace, String stream, int id) {
    ObjectNode data = MAPPER.createObjectNode().put("id", id).put("email", "user" + id + "@example.com")
        .put("note", "has, comma \"quotes\"\nand newline");
    data.putObject("nested").put("score", id * 1.5);
    ObjectNode payload = MAPPER.createObjectNode().put("Email", "user" + id + "@example.com");
    return RejectedRecord.builder(namespace, stream, RejectionReason.INVALID_VALUE)
        .record(data)
        .payload(payload)
        .field("Birthdate")
        .message("Value 'abc' is not a valid date")
        .httpStatus(400)
        .emittedAt(1735689600000L + id)
        .rejectedAt(Instant.parse("2025-01-02T03:05:00Z").plusMillis(id))
        .build();
  }
}
