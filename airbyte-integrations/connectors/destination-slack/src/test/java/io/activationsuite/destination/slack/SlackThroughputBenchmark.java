package io.activationsuite.destination.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.protocol.runner.DestinationRunner;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.RequestLogEntry;
import io.activationsuite.sandbox.SandboxOptions;
import io.activationsuite.sandbox.slack.SlackEmulator;
import io.activationsuite.testkit.messages.ConfiguredCatalogs;
import io.activationsuite.testkit.messages.EchoedStates;
import io.activationsuite.testkit.messages.PlatformSyncInput;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Throughput benchmark: N channels x M rows written through the connector in-process (runner, engine,
 * Slack writers) to the Slack emulator, once as one message per row and once as digests. Prints messages/s
 * and rows/s and their ratio to what Slack's limit of 1 message/s per channel allows. With {@code --scale S}
 * the emulator's per-channel and workspace limits and the connector's pace are all multiplied by S, so a
 * run takes 1/S of the real time and the ratios stay comparable. Run:
 * {@code airbyte-integrations/connectors/destination-slack/bin/bench-throughput [channels] [rows] [scale]}.
 */
public final class SlackThroughputBenchmark {

  private SlackThroughputBenchmark() {}

  public static void main(String[] args) throws Exception {
    int channels = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int rowsPerChannel = args.length > 1 ? Integer.parseInt(args[1]) : 600;
    double scale = args.length > 2 ? Double.parseDouble(args[2]) : 1.0;
    SandboxOptions options = SandboxOptions.defaults()
        .withProperty("posts-per-second", Double.toString(scale))
        .withProperty("workspace-posts-per-minute", Long.toString(Math.round(1_200 * scale)));
    try (EmulatorServer server = EmulatorServer.start("slack", options)) {
      SlackEmulator slack = server.emulator(SlackEmulator.class);
      for (int c = 1; c <= channels; c++) {
        slack.addChannel(String.format("bench-%02d", c), false, true);
      }
      double allowed = channels * scale;
      System.out.printf("%d channels x %d rows, limit %.1f messages/s per channel (scale %.1f)%n", channels,
          rowsPerChannel, scale, scale);
      run(server, "channel_messages", channels, rowsPerChannel, scale, allowed);
      server.reset();
      for (int c = 1; c <= channels; c++) {
        slack.addChannel(String.format("bench-%02d", c), false, true);
      }
      run(server, "channel_digest", channels, rowsPerChannel, scale, allowed);
    }
  }

  private static void run(EmulatorServer server, String object, int channels, int rowsPerChannel, double scale,
      double allowed) throws Exception {
    ObjectNode config = SlackFixtures.config(server, SlackFixtures.messages("alerts", "channel_field", "channel",
        "text_template", "*{{account}}* billed {{amount}} (row {{row}})", "digest_max_rows", 40));
    config.put("channel_messages_per_second", scale).put("workspace_messages_per_minute", Math.round(1_000 * scale));
    config.putObject("object_storage_config").put("storage_type", "None");
    PlatformSyncInput input = new PlatformSyncInput();
    List<ObjectNode> samples = new ArrayList<>();
    int total = channels * rowsPerChannel;
    for (int i = 0; i < total; i++) {
      ObjectNode row = SlackFixtures.MAPPER.createObjectNode().put("channel", String.format("#bench-%02d",
          i % channels + 1)).put("account", "Account " + i).put("amount", String.valueOf(i * 7 % 1000))
          .put("row", String.valueOf(i));
      input.record("alerts", row);
      if (samples.size() < 3) {
        samples.add(row);
      }
      if ((i + 1) % 2_000 == 0) {
        input.streamState("alerts");
      }
    }
    input.streamState("alerts").complete("alerts");
    JsonNode catalog = ConfiguredCatalogs.forSync(1).stream("alerts", object, "append", List.of(), samples).tree();
    Path dir = Files.createTempDirectory("slack-bench");
    String[] argv = {"write", "--config", Files.writeString(dir.resolve("config.json"), config.toString()).toString(),
        "--catalog", Files.writeString(dir.resolve("catalog.json"), catalog.toString()).toString()};
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long t0 = System.nanoTime();
    int exit = DestinationRunner.run(argv, new ByteArrayInputStream(
        (String.join("\n", input.lines()) + "\n").getBytes(StandardCharsets.UTF_8)), out);
    double seconds = (System.nanoTime() - t0) / 1e9;
    List<ObjectNode> states = new ArrayList<>();
    for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
      if (line.contains("\"STATE\"")) {
        states.add((ObjectNode) SlackFixtures.MAPPER.readTree(line));
      }
    }
    Instant first = null;
    Instant last = null;
    long posts = 0;
    long throttled = 0;
    for (RequestLogEntry e : server.requests().entries()) {
      if (e.path().equals("/api/chat.postMessage")) {
        posts++;
        throttled += e.status() == 429 ? 1 : 0;
        Instant started = Instant.parse(e.startedAt());
        Instant completed = Instant.parse(e.completedAt());
        first = first == null || started.isBefore(first) ? started : first;
        last = last == null || completed.isAfter(last) ? completed : last;
      }
    }
    long messages = server.objects("messages").size();
    double window = first == null ? 0 : (last.toEpochMilli() - first.toEpochMilli()) / 1e3;
    // the first message of every channel is free at t=0: the window carries (messages - channels) intervals
    double msgRate = window <= 0 ? 0 : (messages - channels) / window;
    double rowRate = window <= 0 ? 0 : EchoedStates.recordCount(states) * (messages - channels)
        / (double) messages / window;
    System.out.printf("%n== %s (exit %d)%n", object, exit);
    System.out.printf("rows acknowledged      %d, rejected %d, in %.1f s end to end%n",
        EchoedStates.recordCount(states), EchoedStates.rejectedCount(states), seconds);
    System.out.printf("messages posted        %d (%.1f rows per message), 429s %d of %d posts%n", messages,
        total / (double) messages, throttled, posts);
    System.out.printf("post window            %.1f s from first to last chat.postMessage%n", window);
    System.out.printf("messages/s             %.2f = %.3f of the %.1f messages/s the limit allows%n", msgRate,
        msgRate / allowed, allowed);
    System.out.printf("rows/s                 %.1f = %.2f x what one message per row allows%n", rowRate,
        rowRate / allowed);
  }
}
