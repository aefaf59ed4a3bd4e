package io.activationsuite.destination.braze;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.LatencySpec;
import io.activationsuite.sandbox.junit.SandboxTest;
import io.activationsuite.testkit.messages.ConfiguredCatalogs;
import io.activationsuite.testkit.messages.PlatformSyncInput;
import io.activationsuite.testkit.process.ConnectorProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the shaded jar as a real process, kills it (SIGKILL) mid-sync after it echoed a STATE, reruns from
 * the record after the last echoed state, and checks that every user landed. Bound to the {@code package}
 * phase: it needs {@code target/destination-braze.jar}.
 */
@SandboxTest("braze")
class KillMidSyncProcessTest {

  private static final int RECORDS = 3_000;
  private static final int STATE_EVERY = 150;
  private static final Path JAR = Path.of("target", "destination-braze.jar");

  @TempDir
  Path dir;

  @Test
  void killedMidSyncThenResumedFromTheLastEchoedStateLosesNoUser(EmulatorServer braze) throws Exception {
    assertThat(JAR).exists();
    braze.faults().latency(LatencySpec.fixed(40));
    ObjectNode config = BrazeFixtures.config(braze).put("concurrency", 2);
    Files.writeString(dir.resolve("config.json"), config.toString());
    Files.writeString(dir.resolve("catalog.json"), ConfiguredCatalogs.forSync(1).stream("people", "users",
        "append_dedup", List.of("external_id"), List.of(user(0))).json());

    ConnectorProcess first = ConnectorProcess.write(JAR, dir, input(0));
    Process process = first.process();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (first.stateCount() < 2 && process.isAlive() && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(process.isAlive()).as("the connector must still be writing when killed").isTrue();
    process.destroyForcibly();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    int resumeAt = (int) first.stateCount() * STATE_EVERY;
    assertThat(resumeAt).isLessThan(RECORDS);

    ConnectorProcess second = ConnectorProcess.write(JAR, dir, input(resumeAt));
    assertThat(second.process().waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(second.process().exitValue()).as(second.messages().toString()).isZero();

    Set<String> ids = new HashSet<>();
    braze.objects("users").forEach(u -> ids.add(u.path("external_id").asText()));
    assertThat(ids).hasSize(RECORDS);
    assertThat(braze.objects("users")).hasSize(RECORDS);
  }

  private static ObjectNode user(int i) {
    return BrazeFixtures.MAPPER.createObjectNode().put("external_id", "k" + i).put("last_name", "L" + i);
  }

  /** Records from index {@code from} on, a state after every {@link #STATE_EVERY}. */
  private static String input(int from) {
    PlatformSyncInput input = new PlatformSyncInput().started("people");
    for (int i = from; i < RECORDS; i++) {
      input.record("people", user(i));
      if ((i + 1) % STATE_EVERY == 0) {
        input.streamState("people");
      }
    }
    return String.join("\n", input.complete("people").lines()) + "\n";
  }
}
