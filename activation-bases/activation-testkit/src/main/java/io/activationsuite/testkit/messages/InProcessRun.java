package io.activationsuite.testkit.messages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.protocol.runner.DestinationRunner;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One connector command run in-process through the protocol runner (config and catalog written as files, as the
 * platform passes them), and the messages it printed: for connector tests that need the whole runner without a
 * process.
 */
public record InProcessRun(int exitCode, List<JsonNode> messages) {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Runs {@code command} with {@code stdin} as its input lines (config and catalog may be null). */
  public static InProcessRun of(Path dir, String command, JsonNode config, String catalog, List<String> stdin) {
    return of(dir, command, config, catalog,
        new ByteArrayInputStream(String.join("\n", stdin).getBytes(StandardCharsets.UTF_8)));
  }

  /** As {@link #of(Path, String, JsonNode, String, List)}, reading stdin from a stream (a pipe, as a user's run). */
  public static InProcessRun of(Path dir, String command, JsonNode config, String catalog, InputStream stdin) {
    List<String> args = new ArrayList<>(List.of(command));
    try {
      if (config != null) {
        args.addAll(List.of("--config", Files.writeString(dir.resolve("config.json"), config.toString()).toString()));
      }
      if (catalog != null) {
        args.addAll(List.of("--catalog", Files.writeString(dir.resolve("catalog.json"), catalog).toString()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = DestinationRunner.run(args.toArray(String[]::new), stdin, out);
    List<JsonNode> messages = new ArrayList<>();
    for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
      if (!line.isBlank()) {
        try {
          messages.add(MAPPER.readTree(line));
        } catch (IOException e) {
          throw new AssertionError("stdout line is not JSON: " + line, e);
        }
      }
    }
    return new InProcessRun(code, messages);
  }

  /** The messages of one type, in order. */
  public List<ObjectNode> ofType(String type) {
    return messages.stream().filter(m -> type.equals(m.path("type").asText())).map(m -> (ObjectNode) m).toList();
  }

  /** The one message of {@code type}; fails when there is none or more. */
  public JsonNode only(String type) {
    List<ObjectNode> found = ofType(type);
    if (found.size() != 1) {
      throw new AssertionError("expected one " + type + " message, got " + messages);
    }
    return found.get(0);
  }
}
