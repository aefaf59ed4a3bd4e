package io.activationsuite.destination.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.Map;

/** Runs the connector's commands in-process through the protocol runner and reads its messages. */
final class RunnerHarness {

  private final Path dir;

  RunnerHarness(Path dir) {
    this.dir = dir;
  }

  record Run(int exitCode, List<JsonNode> messages) {
    List<JsonNode> ofType(String type) {
      return messages.stream().filter(m -> type.equals(m.path("type").asText())).toList();
    }

    JsonNode only(String type) {
      List<JsonNode> found = ofType(type);
      if (found.size() != 1) {
        throw new AssertionError("expected one " + type + " message, got " + messages);
      }
      return found.getFirst();
    }
  }

  Run run(String command, JsonNode config, JsonNode catalog, String stdin) {
    List<String> args = new ArrayList<>(List.of(command));
    if (config != null) {
      args.add("--config");
      args.add(write("config.json", config));
    }
    if (catalog != null) {
      args.add("--catalog");
      args.add(write("catalog.json", catalog));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = DestinationRunner.run(args.toArray(String[]::new),
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out);
    List<JsonNode> messages = new ArrayList<>();
    for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
      if (!line.isBlank()) {
        try {
          messages.add(HubSpotFixtures.MAPPER.readTree(line));
        } catch (IOException e) {
          throw new AssertionError("stdout line is not JSON: " + line, e);
        }
      }
    }
    return new Run(code, messages);
  }

  private String write(String name, JsonNode node) {
    try {
      Path file = dir.resolve(name);
      Files.writeString(file, node.toString());
      return file.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A one-stream activation catalog. */
  static ObjectNode catalog(String stream, String object, String syncMode, String matchingKey) {
    ObjectNode catalog = HubSpotFixtures.MAPPER.createObjectNode();
    ObjectNode configured = catalog.putArray("streams").addObject();
    ObjectNode s = configured.putObject("stream");
    s.put("name", stream);
    s.putObject("json_schema").put("type", "object");
    s.putArray("supported_sync_modes").add("full_refresh");
    configured.put("sync_mode", "full_refresh");
    configured.put("destination_sync_mode", syncMode);
    configured.put("destination_object_name", object);
    if (matchingKey != null) {
      configured.putArray("primary_key").addArray().add(matchingKey);
    }
    configured.put("generation_id", 1).put("minimum_generation_id", 0).put("sync_id", 1);
    return catalog;
  }

  /** JSONL input: the records, a STATE after every {@code stateEvery} records and at the end, then COMPLETE. */
  static String input(String stream, List<Map<String, Object>> records, int stateEvery) {
    StringBuilder in = new StringBuilder();
    int n = 0;
    for (Map<String, Object> data : records) {
      ObjectNode message = HubSpotFixtures.MAPPER.createObjectNode().put("type", "RECORD");
      message.putObject("record").put("stream", stream).put("emitted_at", 1_700_000_000_000L)
          .set("data", HubSpotFixtures.MAPPER.valueToTree(data));
      in.append(message).append('\n');
      if (++n % stateEvery == 0) {
        in.append(state(stream, n)).append('\n');
      }
    }
    if (n % stateEvery != 0) {
      in.append(state(stream, n)).append('\n');
    }
    ObjectNode status = HubSpotFixtures.MAPPER.createObjectNode().put("type", "TRACE");
    ObjectNode trace = status.putObject("trace").put("type", "STREAM_STATUS").put("emitted_at", 1_700_000_000_000L);
    ObjectNode ss = trace.putObject("stream_status");
    ss.putObject("stream_descriptor").put("name", stream);
    ss.put("status", "COMPLETE");
    in.append(status).append('\n');
    return in.toString();
  }

  private static ObjectNode state(String stream, int position) {
    ObjectNode message = HubSpotFixtures.MAPPER.createObjectNode().put("type", "STATE");
    ObjectNode state = message.putObject("state").put("type", "STREAM");
    ObjectNode s = state.putObject("stream");
    s.putObject("stream_descriptor").put("name", stream);
    s.putObject("stream_state").put("position", position);
    return message;
  }

  /** Sum of {@code destinationStats.recordCount} and {@code rejectedRecordCount} over the echoed states. */
  static double[] stateCounts(Run run) {
    double accepted = 0;
    double rejected = 0;
    for (JsonNode state : run.ofType("STATE")) {
      JsonNode stats = state.path("state").path("destinationStats");
      accepted += stats.path("recordCount").asDouble();
      rejected += stats.path("rejectedRecordCount").asDouble();
    }
    return new double[] {accepted, rejected};
  }

  static ArrayNode names(JsonNode array) {
    return (ArrayNode) array;
  }
}
