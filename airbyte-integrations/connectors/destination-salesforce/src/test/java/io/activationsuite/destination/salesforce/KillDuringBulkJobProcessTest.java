package io.activationsuite.destination.salesforce;

import static io.activationsuite.destination.salesforce.ProtocolRun.catalog;
import static io.activationsuite.destination.salesforce.ProtocolRun.completeLine;
import static io.activationsuite.destination.salesforce.ProtocolRun.recordLine;
import static io.activationsuite.destination.salesforce.ProtocolRun.stateLine;
import static io.activationsuite.destination.salesforce.SalesforceTestSupport.config;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.junit.SandboxTest;
import io.activationsuite.sandbox.salesforce.BulkJobState;
import io.activationsuite.sandbox.salesforce.SalesforceEmulator;
import io.activationsuite.testkit.process.ConnectorProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the shaded jar as a real process, kills it with SIGKILL while a Bulk job is in flight, reruns
 * from the last echoed state, and checks the org: every record present once. Bound to the
 * {@code package} phase (it needs {@code target/destination-salesforce.jar}).
 */
@SandboxTest(value = "salesforce", properties = {"salesforce.bulkStartDelayMillis=200",
    "salesforce.bulkRecordsPerSecond=2500"})
class KillDuringBulkJobProcessTest {
  private static final int RECORDS = 2_000;
  private static final int STATE_EVERY = 100;
  private static final Path JAR = Path.of("target", "destination-salesforce.jar");

  @TempDir
  Path dir;

  @Test
  void killedMidJobThenRerunFromTheLastStateLosesAndDuplicatesNothing(EmulatorServer server, SalesforceEmulator sf)
      throws Exception {
    assertThat(JAR).exists();
    ObjectNode config = config(server, "bulk").put("bulk_max_records_per_job", 500).put("concurrency", 2);
    Files.writeString(dir.resolve("config.json"), config.toString());
    Files.writeString(dir.resolve("catalog.json"),
        catalog("people", "Contact", "append_dedup", "External_Id__c").toString());

    ConnectorProcess firstRun = ConnectorProcess.write(JAR, dir, input(0));
    Process process = firstRun.process();
    List<JsonNode> first = firstRun.messages();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!(stateCount(first) >= 1 && jobInFlight(sf)) && process.isAlive() && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(process.isAlive()).as("the connector must still be running a job when killed").isTrue();
    process.destroyForcibly();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    int lastCursor = lastCursor(first);
    assertThat(lastCursor).isLessThan(RECORDS - 1);

    ConnectorProcess secondRun = ConnectorProcess.write(JAR, dir, input(lastCursor + 1));
    Process rerun = secondRun.process();
    List<JsonNode> second = secondRun.messages();
    assertThat(rerun.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(rerun.exitValue()).as(second.toString()).isZero();
    assertThat(lastCursor(second)).isEqualTo(RECORDS - 1);
    awaitNoJobInFlight(sf);

    List<Map<String, Object>> contacts = sf.records("Contact");
    Set<Object> keys = contacts.stream().map(r -> r.get("External_Id__c")).collect(Collectors.toSet());
    assertThat(contacts).hasSize(RECORDS);
    assertThat(keys).hasSize(RECORDS);
  }

  /** Records from index {@code from} on, a state after every {@link #STATE_EVERY}. */
  private static String input(int from) {
    StringBuilder input = new StringBuilder();
    for (int i = from; i < RECORDS; i++) {
      input.append(recordLine("people", "{\"External_Id__c\":\"k" + i + "\",\"LastName\":\"L" + i + "\"}"));
      if ((i + 1) % STATE_EVERY == 0) {
        input.append(stateLine("people", i));
      }
    }
    return input.append(completeLine("people")).toString();
  }

  private static long stateCount(List<JsonNode> messages) {
    return messages.stream().filter(m -> "STATE".equals(m.path("type").asText())).count();
  }

  private static int lastCursor(List<JsonNode> messages) {
    return messages.stream().filter(m -> "STATE".equals(m.path("type").asText()))
        .mapToInt(m -> m.path("state").path("stream").path("stream_state").path("cursor").asInt())
        .max().orElse(-1);
  }

  private static boolean jobInFlight(SalesforceEmulator sf) {
    return sf.jobs().stream().anyMatch(j -> j.state() == BulkJobState.InProgress
        || j.state() == BulkJobState.UploadComplete);
  }

  private static void awaitNoJobInFlight(SalesforceEmulator sf) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (jobInFlight(sf) && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
  }
}
