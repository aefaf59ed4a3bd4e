package io.activationsuite.sink.rejected;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Decodes part files back to records, as a user's tooling would. */
final class PartReader {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private PartReader() {
  }

  static List<RejectedRecord> read(String key, byte[] content) {
    try {
      byte[] plain = key.endsWith(".gz")
          ? new GZIPInputStream(new ByteArrayInputStream(content)).readAllBytes() : content;
      String text = new String(plain, StandardCharsets.UTF_8);
      return key.contains(".csv") ? csv(text) : jsonl(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<RejectedRecord> jsonl(String text) throws IOException {
    List<RejectedRecord> records = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (!line.isEmpty()) {
        records.add(RejectedRecordCodec.fromJson(MAPPER.readTree(line)));
      }
    }
    return records;
  }

  private static List<RejectedRecord> csv(String text) {
    return RejectedRecordCodec.fromCsv(text);
  }
}
