package io.activationsuite.sink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.protocol.model.Json;
import io.activationsuite.protocol.runner.DestinationRunner;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Runs the test connector through the real protocol runner in-process and reads what it printed. */
final class SyncHarness {
  private final Path dir;
  private ByteArrayOutputStream stdout = new ByteArrayOutputStream();

  SyncHarness(Path dir) {
    this.dir = dir;
  }

  Path file(String name, String content) {
    try {
      return Files.writeString(dir.resolve(name), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path rejectedDir() {
    return dir.resolve("rejected");
  }

  /** A config for the test API at {@code baseUrl} with rejected records in a local directory. */
  String config(String baseUrl, String extraJson) {
    return "{\"base_url\":\"" + baseUrl + "\",\"api_key\":\"secret-key-123\",\"batch_linger_ms\":20,"
        + "\"object_storage_config\":{\"storage_type\":\"Local\",\"local_directory\":\""
        + rejectedDir().toString().replace("\\", "/") + "\"}" + (extraJson.isEmpty() ? "" : "," + extraJson) + "}";
  }

  int run(String stdin, String... args) {
    stdout = new ByteArrayOutputStream();
    return DestinationRunner.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), stdout);
  }

  int write(String config, String catalog, List<String> lines) {
    return run(String.join("\n", lines) + "\n", "write", "--config", file("config.json", config).toString(),
        "--catalog", file("catalog.json", catalog).toString());
  }

  List<ObjectNode> messages(String type) {
    List<ObjectNode> messages = new ArrayList<>();
    for (String line : stdout.toString(StandardCharsets.UTF_8).split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      try {
        ObjectNode message = (ObjectNode) Json.mapper().readTree(line);
        if (type.equals(message.path("type").asText())) {
          messages.add(message);
        }
      } catch (IOException e) {
        throw new AssertionError("stdout line is not JSON: " + line, e);
      }
    }
    return messages;
  }

  String stdout() {
    return stdout.toString(StandardCharsets.UTF_8);
  }

  /** Every rejected record written to the local rejected-records directory. */
  List<JsonNode> rejected() {
    List<JsonNode> records = new ArrayList<>();
    if (!Files.isDirectory(rejectedDir())) {
      return records;
    }
    try (Stream<Path> files = Files.walk(rejectedDir())) {
      for (Path file : files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".jsonl")).toList()) {
        for (String line : Files.readAllLines(file)) {
          if (!line.isBlank()) {
            records.add(Json.mapper().readTree(line));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return records;
  }

  static String record(String stream, String data) {
    return "{\"type\":\"RECORD\",\"record\":{\"stream\":\"" + stream + "\",\"namespace\":\"crm\",\"emitted_at\":1,"
        + "\"data\":" + data + "}}";
  }

  static String state(String stream, int cursor) {
    return "{\"type\":\"STATE\",\"state\":{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":{\"name\":\""
        + stream + "\",\"namespace\":\"crm\"},\"stream_state\":{\"cursor\":" + cursor + "}},\"id\":" + cursor + "}}";
  }

  static String complete(String stream) {
    return "{\"type\":\"TRACE\",\"trace\":{\"type\":\"STREAM_STATUS\",\"emitted_at\":1.0,\"stream_status\":"
        + "{\"stream_descriptor\":{\"name\":\"" + stream + "\",\"namespace\":\"crm\"},\"status\":\"COMPLETE\"}}}";
  }

  /** A data-activation catalog stream (object, sync mode, matching key). */
  static String activationStream(String stream, String object, String mode, String key) {
    return "{\"stream\":{\"name\":\"" + stream + "\",\"namespace\":\"crm\",\"json_schema\":{\"type\":\"object\"},"
        + "\"supported_sync_modes\":[\"full_refresh\"]},\"sync_mode\":\"full_refresh\",\"destination_sync_mode\":\""
        + mode + "\",\"destination_object_name\":\"" + object + "\""
        + (key == null ? "" : ",\"primary_key\":[[\"" + key + "\"]]") + ",\"sync_id\":77}";
  }

  /** A plain catalog stream (no data-activation fields). */
  static String plainStream(String stream) {
    return "{\"stream\":{\"name\":\"" + stream + "\",\"namespace\":\"crm\",\"json_schema\":{\"type\":\"object\"},"
        + "\"supported_sync_modes\":[\"full_refresh\"]},\"sync_mode\":\"full_refresh\","
        + "\"destination_sync_mode\":\"append\",\"sync_id\":77}";
  }

  static String catalog(String... streams) {
    return "{\"streams\":[" + String.join(",", streams) + "]}";
  }
}
