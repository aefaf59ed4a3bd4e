package io.activationsuite.destination.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.junit.SandboxTest;
import io.activationsuite.sandbox.zendesk.ZendeskEmulator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the shaded jar as a real process, kills it with SIGKILL while Zendesk jobs are queued or working,
 * reruns from the last echoed state, and checks the account: every user present once. Bound to the
 * {@code package} phase (it needs {@code target/destination-zendesk.jar}).
 */
@SandboxTest(value = "zendesk", properties = "zendesk.jobs=300ms,400")
class KillDuringZendeskJobsProcessTest {

  private static final int RECORDS = 2_000;
  private static final int STATE_EVERY = 100;
  private static final Path JAR = Path.of("target", "destination-zendesk.jar");

  @TempDir
  Path dir;

  @Test
  void killedWhileJobsRunThenRerunFromTheLastStateLosesAndDuplicatesNothing(EmulatorServer server,
      ZendeskEmulator zendesk) throws Exception {
    assertThat(JAR).exists();
    ObjectNode config = ZendeskFixtures.apiTokenConfig(server).put("concurrency", 4);
    Files.writeString(dir.resolve("config.json"), config.toString());
    ObjectNode catalog = ZendeskFixtures.MAPPER.createObjectNode();
    ObjectNode configured = catalog.putArray("streams").addObject();
    configured.putObject("stream").put("name", "people").putObject("json_schema").put("type", "object");
    configured.with("stream").putArray("supported_sync_modes").add("full_refresh");
    configured.put("sync_mode", "full_refresh").put("destination_sync_mode", "append_dedup")
        .put("destination_object_name", "users").put("generation_id", 1).put("minimum_generation_id", 0)
        .put("sync_id", 7).putArray("primary_key").addArray().add("external_id");
    Files.writeString(dir.resolve("catalog.json"), catalog.toString());

    List<JsonNode> first = new CopyOnWriteArrayList<>();
    Process process = start(input(0), first);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!(states(first) >= 1 && zendesk.activeJobs() > 0) && process.isAlive() && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(process.isAlive()).as("the connector must still be running jobs when killed").isTrue();
    process.destroyForcibly();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    int lastCursor = lastCursor(first);
    assertThat(lastCursor).isLessThan(RECORDS - 1);

    List<JsonNode> second = new CopyOnWriteArrayList<>();
    Process rerun = start(input(lastCursor + 1), second);
    assertThat(rerun.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(rerun.exitValue()).as(second.toString()).isZero();
    assertThat(lastCursor(second)).isEqualTo(RECORDS - 1);
    long settle = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (zendesk.activeJobs() > 0 && System.nanoTime() < settle) {
      Thread.onSpinWait();
    }

    JsonNode users = server.objects("users");
    Set<String> keys = new HashSet<>();
    users.forEach(u -> keys.add(u.path("external_id").asText()));
    assertThat(users).hasSize(RECORDS);
    assertThat(keys).hasSize(RECORDS);
  }

  private static String input(int from) {
    StringBuilder input = new StringBuilder();
    for (int i = from; i < RECORDS; i++) {
      input.append("{\"type\":\"RECORD\",\"record\":{\"stream\":\"people\",\"emitted_at\":1,\"data\":"
          + "{\"external_id\":\"k" + i + "\",\"name\":\"Person " + i + "\",\"health_score\":" + (i % 100) + "}}}\n");
      if ((i + 1) % STATE_EVERY == 0) {
        input.append("{\"type\":\"STATE\",\"state\":{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":"
            + "{\"name\":\"people\"},\"stream_state\":{\"cursor\":" + i + "}}}}\n");
      }
    }
    return input.append("{\"type\":\"TRACE\",\"trace\":{\"type\":\"STREAM_STATUS\",\"emitted_at\":1,"
        + "\"stream_status\":{\"stream_descriptor\":{\"name\":\"people\"},\"status\":\"COMPLETE\"}}}\n").toString();
  }

  private Process start(String input, List<JsonNode> messages) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process process = new ProcessBuilder(java, "-jar", JAR.toString(), "write",
        "--config", dir.resolve("config.json").toString(), "--catalog", dir.resolve("catalog.json").toString())
        .redirectError(dir.resolve("stderr-" + System.nanoTime() + ".log").toFile())
        .start();
    Thread.ofVirtual().start(() -> {
      try (OutputStream stdin = process.getOutputStream()) {
        stdin.write(input.getBytes(StandardCharsets.UTF_8));
      } catch (IOException killed) {
        // the process died while we were still writing: expected for the killed run
      }
    });
    Thread.ofVirtual().start(() -> {
      try (BufferedReader stdout = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = stdout.readLine(); line != null; line = stdout.readLine()) {
          messages.add(ZendeskFixtures.MAPPER.readTree(line));
        }
      } catch (IOException closed) {
        // stream closed by the kill
      }
    });
    return process;
  }

  private static long states(List<JsonNode> messages) {
    return messages.stream().filter(m -> "STATE".equals(m.path("type").asText())).count();
  }

  private static int lastCursor(List<JsonNode> messages) {
    return messages.stream().filter(m -> "STATE".equals(m.path("type").asText()))
        .mapToInt(m -> m.path("state").path("stream").path("stream_state").path("cursor").asInt())
        .max().orElse(-1);
  }
}
