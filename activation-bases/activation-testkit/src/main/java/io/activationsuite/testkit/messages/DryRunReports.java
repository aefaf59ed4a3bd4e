package io.activationsuite.testkit.messages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the report a dry run (preview) logs, {@code Dry run report: {...}}, out of a connector's output
 * messages, so preview tests of every connector compare it with the real run the same way.
 */
public final class DryRunReports {
  private static final String PREFIX = "Dry run report: ";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private DryRunReports() {}

  /** The first stream's report in {@code messages}; fails the test when there is none. */
  public static JsonNode first(List<JsonNode> messages) {
    List<JsonNode> reports = all(messages);
    if (reports.isEmpty()) {
      throw new AssertionError("no dry run report in " + messages);
    }
    return reports.get(0);
  }

  /** Every stream's report in {@code messages}, in order. */
  public static List<JsonNode> all(List<JsonNode> messages) {
    List<JsonNode> reports = new ArrayList<>();
    for (JsonNode message : messages) {
      String text = message.path("log").path("message").asText();
      if (text.startsWith(PREFIX)) {
        try {
          reports.add(MAPPER.readTree(text.substring(PREFIX.length())));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return reports;
  }
}
