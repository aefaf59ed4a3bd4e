package io.activationsuite.destination.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.protocol.runner.DestinationRunner;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs protocol commands in-process through the real runner and reads back the output messages. */
final class ProtocolRun {
  static final ObjectMapper JSON = new ObjectMapper();

  private ProtocolRun() {}

  /** The result of one command: exit code and every stdout message. */
  record Result(int exitCode, List<JsonNode> messages) {
    List<JsonNode> ofType(String type) {
      return messages.stream().filter(m -> type.equals(m.path("type").asText())).toList();
    }
  }

  static Result run(Path dir, ObjectNode config, ObjectNode catalog, String stdin, String... command)
      throws Exception {
    Path configFile = dir.resolve("config.json");
    Files.writeString(configFile, config.toString());
    List<String> args = new ArrayList<>(List.of(command));
    if (!args.get(0).equals("spec")) {
      args.addAll(List.of("--config", configFile.toString()));
    }
    if (catalog != null) {
      Path catalogFile = dir.resolve("catalog.json");
      Files.writeString(catalogFile, catalog.toString());
      args.addAll(List.of("--catalog", catalogFile.toString()));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = DestinationRunner.run(args.toArray(String[]::new),
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out);
    return new Result(code, parse(out.toString(StandardCharsets.UTF_8)));
  }

  static List<JsonNode> parse(String stdout) throws Exception {
    List<JsonNode> messages = new ArrayList<>();
    for (String line : stdout.split("\n")) {
      if (!line.isBlank()) {
        messages.add(JSON.readTree(line));
      }
    }
    return messages;
  }

  /** An activation catalog with one stream written to {@code object}. */
  static ObjectNode catalog(String stream, String object, String syncMode, String key) {
    ObjectNode catalog = JSON.createObjectNode();
    ObjectNode configured = catalog.putArray("streams").addObject();
    ObjectNode airbyteStream = configured.putObject("stream").put("name", stream);
    airbyteStream.putObject("json_schema").put("type", "object");
    airbyteStream.putArray("supported_sync_modes").add("full_refresh");
    configured.put("sync_mode", "full_refresh").put("destination_sync_mode", syncMode)
        .put("destination_object_name", object).put("generation_id", 1).put("minimum_generation_id", 0)
        .put("sync_id", 7);
    if (key != null) {
      configured.putArray("primary_key").addArray().add(key);
    }
    return catalog;
  }

  static String recordLine(String stream, String data) {
    return "{\"type\":\"RECORD\",\"record\":{\"stream\":\"" + stream + "\",\"data\":" + data
        + ",\"emitted_at\":1}}\n";
  }

  static String completeLine(String stream) {
    return "{\"type\":\"TRACE\",\"trace\":{\"type\":\"STREAM_STATUS\",\"emitted_at\":1,\"stream_status\":"
        + "{\"stream_descriptor\":{\"name\":\"" + stream + "\"},\"status\":\"COMPLETE\"}}}\n";
  }

  static String stateLine(String stream, int cursor) {
    return "{\"type\":\"STATE\",\"state\":{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":{\"name\":\""
        + stream + "\"},\"stream_state\":{\"cursor\":" + cursor + "}}}}\n";
  }
}
