package io.activationsuite.destination.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.FaultConfig;
import io.activationsuite.sandbox.LatencySpec;
import io.activationsuite.sandbox.RequestLogEntry;
import io.activationsuite.sandbox.SandboxOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Throughput benchmark: the sandbox HubSpot at the Professional/Enterprise limit (190 requests per 10 s)
 * with 100 ms latency per call, and N contact upserts written through the connector in-process (runner,
 * engine, HubSpot writer). Prints records/s, the share of the 1,900 records/s the limit allows, and the
 * 429s after the first window. Run:
 * {@code airbyte-integrations/connectors/destination-hubspot/bin/bench-throughput [records] [concurrency]}.
 */
public final class HubSpotThroughputBenchmark {

  private HubSpotThroughputBenchmark() {}

  public static void main(String[] args) throws Exception {
    int records = args.length > 0 ? Integer.parseInt(args[0]) : 60_000;
    int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    SandboxOptions options = SandboxOptions.defaults()
        .withFaults(FaultConfig.none().withLatency(LatencySpec.fixed(100)));
    try (EmulatorServer server = EmulatorServer.start("hubspot", options)) {
      Path dir = Files.createTempDirectory("hubspot-bench");
      ObjectNode config = HubSpotFixtures.privateAppConfig(server);
      config.put("concurrency", concurrency);
      List<Map<String, Object>> rows = new ArrayList<>(records);
      for (int i = 0; i < records; i++) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("email", "bench" + i + "@example.com");
        row.put("firstname", "Bench");
        row.put("lastname", "User " + i);
        row.put("lifetime_value", i % 1000);
        rows.add(row);
      }
      String input = RunnerHarness.input("users", rows, 5_000);
      RunnerHarness harness = new RunnerHarness(dir);
      Instant start = Instant.now();
      long t0 = System.nanoTime();
      RunnerHarness.Run run = harness.run("write", config,
          RunnerHarness.catalog("users", "contacts", "append_dedup", "email"), input);
      double seconds = (System.nanoTime() - t0) / 1e9;
      double[] counts = RunnerHarness.stateCounts(run);
      Instant firstWrite = null;
      Instant lastWrite = null;
      long throttledAfterFirstWindow = 0;
      long throttled = 0;
      long writes = 0;
      for (RequestLogEntry entry : server.requests().entries()) {
        if (entry.path().endsWith("/batch/upsert")) {
          writes++;
          Instant started = Instant.parse(entry.startedAt());
          Instant completed = Instant.parse(entry.completedAt());
          firstWrite = firstWrite == null || started.isBefore(firstWrite) ? started : firstWrite;
          lastWrite = lastWrite == null || completed.isAfter(lastWrite) ? completed : lastWrite;
        }
        if (entry.status() == 429) {
          throttled++;
          if (Instant.parse(entry.startedAt()).isAfter(start.plusSeconds(10))) {
            throttledAfterFirstWindow++;
          }
        }
      }
      double rate = counts[0] / seconds;
      double writeSeconds = firstWrite == null ? 0 : (lastWrite.toEpochMilli() - firstWrite.toEpochMilli()) / 1e3;
      // after the first window, the limit allows 190 requests (1,900 records) per 10 s: count what started then
      Instant afterFirstWindow = firstWrite == null ? Instant.MAX : firstWrite.plusSeconds(10);
      long laterWrites = server.requests().matching(e -> e.path().endsWith("/batch/upsert")
          && Instant.parse(e.startedAt()).isAfter(afterFirstWindow)).size();
      double steady = writeSeconds <= 10 ? 0 : laterWrites * 100.0 / (writeSeconds - 10);
      System.out.printf("exit code              %d%n", run.exitCode());
      System.out.printf("records acknowledged   %.0f (rejected %.0f) in %.1f s%n", counts[0], counts[1], seconds);
      System.out.printf("upsert requests        %d%n", writes);
      System.out.printf("throughput             %.0f records/s%n", rate);
      System.out.printf("share of 1,900 rec/s   %.1f %% (end to end, JVM start and discovery included)%n",
          100 * rate / 1900);
      System.out.printf("write phase            %.1f s from first to last upsert%n", writeSeconds);
      System.out.printf("steady state           %.0f records/s after the first window = %.1f %% of 1,900%n", steady,
          100 * steady / 1900);
      System.out.printf("429s total             %d, after the first 10 s window: %d%n", throttled,
          throttledAfterFirstWindow);
      if (Boolean.getBoolean("bench.timeline") && firstWrite != null) {
        int[] perSecond = new int[(int) writeSeconds + 2];
        long durations = 0;
        for (RequestLogEntry e : server.requests().matching(e -> e.path().endsWith("/batch/upsert"))) {
          perSecond[(int) ((Instant.parse(e.startedAt()).toEpochMilli() - firstWrite.toEpochMilli()) / 1000)]++;
          durations += e.durationMillis();
        }
        System.out.println("upserts started per second: " + java.util.Arrays.toString(perSecond));
        System.out.printf("mean upsert handling     %.0f ms%n", durations / (double) writes);
      }
      for (JsonNode trace : run.ofType("TRACE")) {
        if ("ERROR".equals(trace.path("trace").path("type").asText())) {
          System.out.println("error: " + trace.path("trace").path("error").path("message").asText());
        }
      }
    }
  }
}
