package io.activationsuite.destination.salesforce.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.protocol.runner.DestinationRunner;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.SandboxOptions;
import io.activationsuite.sandbox.salesforce.BulkJobInfo;
import io.activationsuite.sandbox.salesforce.FieldValues;
import io.activationsuite.sandbox.salesforce.SalesforceEmulator;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes 100,000 Contact upserts through Bulk API 2.0 jobs against the Salesforce emulator with
 * realistic job processing (a start delay and a per-job records/s rate), through the real runner and
 * engine, and prints records/s, jobs used and API requests spent. Arguments (all optional):
 * {@code records recordsPerJob emulatorRecordsPerSecond startDelayMillis concurrency}.
 */
public final class BulkUpsertBenchmark {

  private BulkUpsertBenchmark() {}

  public static void main(String[] args) throws Exception {
    int records = arg(args, 0, 100_000);
    int perJob = arg(args, 1, 10_000);
    int rate = arg(args, 2, 3_000);
    int startDelay = arg(args, 3, 2_000);
    int concurrency = arg(args, 4, 8);
    SandboxOptions options = SandboxOptions.defaults()
        .withProperty("bulkRecordsPerSecond", Integer.toString(rate))
        .withProperty("bulkStartDelayMillis", Integer.toString(startDelay));
    try (EmulatorServer server = EmulatorServer.start(SalesforceEmulator.NAME, options)) {
      SalesforceEmulator sf = server.emulator(SalesforceEmulator.class);
      Path dir = Files.createTempDirectory("sf-bench");
      ObjectMapper json = new ObjectMapper();
      ObjectNode config = json.createObjectNode();
      config.putObject("credentials").put("auth_type", "oauth2_refresh_token")
          .put("client_id", server.credentials().get("client_id"))
          .put("client_secret", server.credentials().get("client_secret"))
          .put("refresh_token", server.credentials().get("refresh_token"));
      config.put("base_url", server.baseUrl().toString()).put("write_strategy", "bulk")
          .put("bulk_max_records_per_job", perJob).put("concurrency", concurrency).put("bulk_poll_max_millis", 2_000);
      Files.writeString(dir.resolve("config.json"), config.toString());
      Files.writeString(dir.resolve("catalog.json"), "{\"streams\":[{\"stream\":{\"name\":\"people\","
          + "\"json_schema\":{\"type\":\"object\"},\"supported_sync_modes\":[\"full_refresh\"]},"
          + "\"sync_mode\":\"full_refresh\",\"destination_sync_mode\":\"append_dedup\","
          + "\"destination_object_name\":\"Contact\",\"primary_key\":[[\"External_Id__c\"]],"
          + "\"generation_id\":1,\"minimum_generation_id\":0,\"sync_id\":1}]}");
      StringBuilder input = new StringBuilder(records * 120);
      for (int i = 0; i < records; i++) {
        input.append("{\"type\":\"RECORD\",\"record\":{\"stream\":\"people\",\"emitted_at\":1,\"data\":")
            .append("{\"External_Id__c\":\"bench-").append(i).append("\",\"LastName\":\"Last ").append(i)
            .append("\",\"FirstName\":\"First\",\"Email\":\"p").append(i).append("@example.com\"}}}\n");
        if ((i + 1) % 5_000 == 0) {
          input.append("{\"type\":\"STATE\",\"state\":{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":")
              .append("{\"name\":\"people\"},\"stream_state\":{\"cursor\":").append(i).append("}}}}\n");
        }
      }
      input.append("{\"type\":\"TRACE\",\"trace\":{\"type\":\"STREAM_STATUS\",\"emitted_at\":1,\"stream_status\":"
          + "{\"stream_descriptor\":{\"name\":\"people\"},\"status\":\"COMPLETE\"}}}\n");
      byte[] stdin = input.toString().getBytes(StandardCharsets.UTF_8);
      long requestsBefore = sf.org().limits().remainingRequests();
      long start = System.nanoTime();
      int code = DestinationRunner.run(new String[] {"write", "--config", dir.resolve("config.json").toString(),
          "--catalog", dir.resolve("catalog.json").toString()}, new ByteArrayInputStream(stdin),
          OutputStream.nullOutputStream());
      double seconds = (System.nanoTime() - start) / 1e9;
      List<BulkJobInfo> jobs = sf.jobs();
      int stored = sf.records("Contact").size();
      System.out.printf(Locale.ROOT, "exit=%d records=%d stored=%d seconds=%.1f records/s=%.0f ratio=%.2f jobs=%d "
              + "api_requests=%d (emulator: %d rec/s per job, %d ms start delay; %d records/job, concurrency %d)%n",
          code, records, stored, seconds, records / seconds, records / seconds / rate, jobs.size(),
          requestsBefore - sf.org().limits().remainingRequests(), rate, startDelay, perJob, concurrency);
      // the job phase alone: first job created to last job done (excludes JVM, runner and auth start-up)
      java.time.format.DateTimeFormatter format = FieldValues.SALESFORCE_DATETIME;
      long first = jobs.stream().mapToLong(j -> java.time.OffsetDateTime.parse(j.createdDate(), format)
          .toInstant().toEpochMilli()).min().orElse(0);
      long last = jobs.stream().mapToLong(j -> java.time.OffsetDateTime.parse(j.systemModstamp(), format)
          .toInstant().toEpochMilli()).max().orElse(0);
      double jobSeconds = Math.max(0.001, (last - first) / 1000.0);
      System.out.printf(Locale.ROOT, "job phase: %.1f s, %.0f records/s, ratio to one job's rate %.2f%n",
          jobSeconds, records / jobSeconds, records / jobSeconds / rate);
    }
  }

  private static int arg(String[] args, int index, int fallback) {
    return args.length > index ? Integer.parseInt(args[index]) : fallback;
  }
}
