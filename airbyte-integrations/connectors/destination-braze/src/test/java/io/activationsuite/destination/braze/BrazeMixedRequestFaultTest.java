package io.activationsuite.destination.braze;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.FaultDecision;
import io.activationsuite.sandbox.junit.SandboxTest;
import io.activationsuite.testkit.messages.EchoedStates;
import io.activationsuite.testkit.messages.InProcessRun;
import io.activationsuite.testkit.messages.PlatformSyncInput;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One /users/track call carries attributes and events together; when Braze applies it but the answer is lost,
 * the attributes (idempotent) go again and the events (not idempotent) end delivery-uncertain - each exactly
 * once in Braze, none lost, none doubled.
 */
@SandboxTest("braze")
class BrazeMixedRequestFaultTest {

  @TempDir
  Path dir;

  @Test
  void aCombinedCallThatLostItsAnswerResendsTheAttributesAndRejectsTheEventsAsDeliveryUncertain(
      EmulatorServer braze) {
    BrazeFixtures.MixedSync sync = BrazeFixtures.profilesAndEvents(10);
    PlatformSyncInput input = sync.input();
    braze.faults().onNext("POST", "/users/track", new FaultDecision.LoseAnswer());

    InProcessRun run = InProcessRun.of(dir, "write", BrazeFixtures.config(braze).put("batch_linger_ms", 60_000),
        sync.catalog(), input.lines());

    assertThat(run.exitCode()).as(run.messages().toString()).isZero();
    List<ObjectNode> states = run.ofType("STATE");
    EchoedStates.assertEchoedPerStream(input.states(), states);
    assertThat(EchoedStates.recordCount(states)).as("the ten profiles, acknowledged").isEqualTo(10);
    assertThat(EchoedStates.rejectedCount(states)).as("the ten events, delivery-uncertain").isEqualTo(10);
    assertThat(braze.requests().count("POST", "/users/track")).as("the lost call, then the attributes alone")
        .isEqualTo(2);
    assertThat(braze.objects("events")).as("applied once by the lost call, never sent again").hasSize(10);
    assertThat(braze.objects("users")).hasSize(10);
  }
}
