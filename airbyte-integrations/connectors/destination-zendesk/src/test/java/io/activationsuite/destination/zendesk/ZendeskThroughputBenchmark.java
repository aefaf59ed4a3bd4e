package io.activationsuite.destination.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.protocol.runner.DestinationRunner;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.FaultConfig;
import io.activationsuite.sandbox.LatencySpec;
import io.activationsuite.sandbox.RequestLogEntry;
import io.activationsuite.sandbox.SandboxOptions;
import io.activationsuite.sandbox.zendesk.JobProfile;
import io.activationsuite.sandbox.zendesk.ZendeskEmulator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Throughput benchmark (a main class, not a test): N user upserts by external_id written through the
 * connector in-process (runner, engine, Zendesk job writer, shared poller) to the sandbox Zendesk at the
 * Enterprise limit of 700 requests per minute, with the emulator's realistic job timing (1 s queued, then
 * 100 items/s: about 2 s per 100-user job) and 20 ms latency per call. Prints records/s and its share of the
 * 1,167 records/s the limit allows at 100 records per request (job polls count against the same limit).
 * An optional third argument runs the jobs that many times faster (a time-scaled profile).
 * Run: {@code airbyte-integrations/connectors/destination-zendesk/bin/bench-throughput [records] [concurrency]
 * [job-time-scale]}.
 */
public final class ZendeskThroughputBenchmark {

  private static final double LIMIT_RECORDS_PER_SECOND = 700 * 100 / 60.0;

  private ZendeskThroughputBenchmark() {}

  public static void main(String[] args) throws Exception {
    int records = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
    int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 32;
    double scale = args.length > 2 ? Double.parseDouble(args[2]) : 1;
    SandboxOptions options = SandboxOptions.defaults().withProperty("plan", "enterprise")
        .withFaults(FaultConfig.none().withLatency(LatencySpec.fixed(20)));
    try (EmulatorServer server = EmulatorServer.start("zendesk", options)) {
      JobProfile profile = scale == 1 ? JobProfile.realistic() : JobProfile.realistic().scaled(scale);
      server.emulator(ZendeskEmulator.class).jobProfile(profile);
      Path dir = Files.createTempDirectory("zendesk-bench");
      ObjectNode config = ZendeskFixtures.apiTokenConfig(server).put("concurrency", concurrency)
          .put("job_poll_interval_ms", 1_000);
      Files.writeString(dir.resolve("config.json"), config.toString());
      Files.writeString(dir.resolve("catalog.json"), catalog());
      StringBuilder input = new StringBuilder();
      for (int i = 0; i < records; i++) {
        input.append("{\"type\":\"RECORD\",\"record\":{\"stream\":\"people\",\"emitted_at\":1,\"data\":"
            + "{\"external_id\":\"b").append(i).append("\",\"name\":\"Bench User ").append(i)
            .append("\",\"health_score\":").append(i % 100).append("}}}\n");
        if ((i + 1) % 5_000 == 0 || i == records - 1) {
          input.append("{\"type\":\"STATE\",\"state\":{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":"
              + "{\"name\":\"people\"},\"stream_state\":{\"cursor\":").append(i).append("}}}}\n");
        }
      }
      input.append("{\"type\":\"TRACE\",\"trace\":{\"type\":\"STREAM_STATUS\",\"emitted_at\":1,"
          + "\"stream_status\":{\"stream_descriptor\":{\"name\":\"people\"},\"status\":\"COMPLETE\"}}}\n");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      long t0 = System.nanoTime();
      int exit = DestinationRunner.run(new String[] {"write", "--config", dir.resolve("config.json").toString(),
          "--catalog", dir.resolve("catalog.json").toString()},
          new ByteArrayInputStream(input.toString().getBytes(StandardCharsets.UTF_8)), out);
      double seconds = (System.nanoTime() - t0) / 1e9;
      double acknowledged = 0;
      double rejected = 0;
      for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
        JsonNode message = line.isBlank() ? null : ZendeskFixtures.MAPPER.readTree(line);
        if (message != null && "STATE".equals(message.path("type").asText())) {
          acknowledged += message.path("state").path("destinationStats").path("recordCount").asDouble();
          rejected += message.path("state").path("destinationStats").path("rejectedRecordCount").asDouble();
        } else if (message != null && "TRACE".equals(message.path("type").asText())) {
          System.out.println("trace: " + message.path("trace").path("error").path("message").asText());
        }
      }
      Instant first = null;
      Instant last = null;
      long submits = 0;
      long polls = 0;
      long throttled = 0;
      for (RequestLogEntry e : server.requests().entries()) {
        if (e.path().startsWith("/api/v2/users/create_or_update_many")) {
          submits++;
          first = first == null || Instant.parse(e.startedAt()).isBefore(first) ? Instant.parse(e.startedAt()) : first;
        } else if (e.path().startsWith("/api/v2/job_statuses")) {
          polls++;
          last = last == null || Instant.parse(e.completedAt()).isAfter(last) ? Instant.parse(e.completedAt()) : last;
        }
        throttled += e.status() == 429 ? 1 : 0;
      }
      double writeSeconds = first == null || last == null ? seconds
          : (last.toEpochMilli() - first.toEpochMilli()) / 1e3;
      double rate = acknowledged / writeSeconds;
      System.out.printf("exit code                %d%n", exit);
      System.out.printf("job profile              %s queued, %.0f items/s%s%n", profile.queuedDelay(),
          profile.itemsPerSecond(), scale == 1 ? " (realistic)" : " (time-scaled x" + scale + ")");
      System.out.printf("records acknowledged     %.0f (rejected %.0f), %.1f s end to end%n", acknowledged, rejected,
          seconds);
      System.out.printf("requests                 %d job submits, %d job polls, %d answered 429%n", submits, polls,
          throttled);
      System.out.printf("write phase              %.1f s from the first submit to the last poll%n", writeSeconds);
      System.out.printf("throughput               %.0f records/s = %.2f of the %.0f records/s the limit allows%n",
          rate, rate / LIMIT_RECORDS_PER_SECOND, LIMIT_RECORDS_PER_SECOND);
    }
  }

  private static String catalog() {
    ObjectNode catalog = ZendeskFixtures.MAPPER.createObjectNode();
    ObjectNode configured = catalog.putArray("streams").addObject();
    configured.putObject("stream").put("name", "people").putObject("json_schema").put("type", "object");
    configured.with("stream").putArray("supported_sync_modes").add("full_refresh");
    configured.put("sync_mode", "full_refresh").put("destination_sync_mode", "append_dedup")
        .put("destination_object_name", "users").put("generation_id", 1).put("minimum_generation_id", 0)
        .put("sync_id", 1).putArray("primary_key").addArray().add("external_id");
    return catalog.toString();
  }
}
