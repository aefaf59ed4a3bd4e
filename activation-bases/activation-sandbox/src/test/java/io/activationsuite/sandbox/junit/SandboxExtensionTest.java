package io.activationsuite.sandbox.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.ManualClock;
import io.activationsuite.sandbox.Sandbox;
import io.activationsuite.sandbox.TestHttp;
import io.activationsuite.sandbox.hubspot.HubSpotEmulator;
import io.activationsuite.sandbox.hubspot.RateLimitTier;
import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@SandboxTest(value = "hubspot", manualClock = true, properties = "hubspot.tier=starter")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SandboxExtensionTest {

  private static final String TOKEN = "pat-na1-sandbox-0000-0000-000000000001";
  private static int firstPort;

  @Test
  @Order(1)
  void injectsServerEmulatorSandboxAndClock(EmulatorServer server, HubSpotEmulator emulator, Sandbox sandbox,
      ManualClock clock) {
    firstPort = server.port();
    assertThat(sandbox.server("hubspot")).isSameAs(server);
    assertThat(server.emulator()).isSameAs(emulator);
    assertThat(emulator.settings().tier()).isEqualTo(RateLimitTier.STARTER);
    var created = TestHttp.post(server.url("/crm/v3/objects/contacts/batch/create"), TOKEN,
        "{\"inputs\":[{\"properties\":{\"email\":\"a@b.co\"}}]}");
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(server.objects("contacts")).hasSize(1);
    server.faults().failNext(5);
    clock.advance(Duration.ofDays(3));
  }

  @Test
  @Order(2)
  void resetsStateFaultsAndClockBetweenTestsButKeepsTheServer(EmulatorServer server, ManualClock clock) {
    assertThat(server.port()).isEqualTo(firstPort);
    assertThat(server.objects("contacts")).isEmpty();
    assertThat(server.requests().entries()).isEmpty();
    assertThat(server.faults().pending().failNext()).isZero();
    assertThat(clock.instant()).isEqualTo(SandboxExtension.MANUAL_CLOCK_START);
  }
}
