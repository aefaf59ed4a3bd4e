package io.activationsuite.destination.hubspot;

import static io.activationsuite.destination.hubspot.HubSpotFixtures.byProperty;
import static io.activationsuite.destination.hubspot.HubSpotFixtures.live;
import static io.activationsuite.destination.hubspot.HubSpotFixtures.object;
import static io.activationsuite.destination.hubspot.HubSpotFixtures.plan;
import static io.activationsuite.destination.hubspot.HubSpotFixtures.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.protocol.model.AirbyteConnectionStatus;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.junit.SandboxTest;
import io.activationsuite.sink.ActivationDestination;
import io.activationsuite.sink.api.DeliveryUncertainException;
import io.activationsuite.sink.api.DestinationObject;
import io.activationsuite.sink.api.Operation;
import io.activationsuite.sink.api.RecordOutcome;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What HubSpot writes promise when a connection drops, and what check says when HubSpot cannot be reached. */
@SandboxTest("hubspot")
class HubSpotDeliveryGuaranteeTest {

  private final HubSpotFixtures fixtures = new HubSpotFixtures();

  @Test
  void aCreateWhoseConnectionDropsIsNotSentAgainAndEndsDeliveryUncertain(EmulatorServer server) throws Exception {
    try (HubSpotSession session = fixtures.open(HubSpotFixtures.privateAppConfig(server))) {
      DestinationObject contacts = object(session, "contacts");
      server.faults().resetNext(1);

      assertThatThrownBy(() -> session.writer(plan(contacts, Operation.INSERT, null))
          .write(List.of(record(null, "email", "ana@example.com", "firstname", "Ana"))))
          .isInstanceOf(DeliveryUncertainException.class)
          .hasMessageContaining("HubSpot may have applied this record")
          .hasMessageContaining("batch/create");
      assertThat(server.requests().count("POST", "/crm/v3/objects/contacts/batch/create")).isEqualTo(1);
    }
  }

  @Test
  void anUpsertWhoseConnectionDropsIsSentAgainAndLands(EmulatorServer server) throws Exception {
    try (HubSpotSession session = fixtures.open(HubSpotFixtures.privateAppConfig(server))) {
      DestinationObject contacts = object(session, "contacts");
      server.faults().resetNext(1);

      List<RecordOutcome> outcomes = session.writer(plan(contacts, Operation.UPSERT, "email"))
          .write(List.of(record("bo@example.com", "email", "bo@example.com", "firstname", "Bo")));

      assertThat(outcomes).singleElement().isInstanceOf(RecordOutcome.Accepted.class);
      assertThat(server.requests().count("POST", "/crm/v3/objects/contacts/batch/upsert")).isEqualTo(2);
      assertThat(byProperty(server, "contacts", "email", "bo@example.com")).isNotNull();
      assertThat(live(server, "contacts")).hasSize(1);
    }
  }

  @Test
  void checkAgainstAHostThatRefusesConnectionsSaysItCannotReachItWithinSeconds(EmulatorServer server)
      throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    ObjectNode config = HubSpotFixtures.privateAppConfig(server).put("base_url", "http://127.0.0.1:" + closedPort);
    long start = System.nanoTime();

    AirbyteConnectionStatus status = new ActivationDestination(new HubSpotActivationApi()).check(config);

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(status.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(status.message()).contains("cannot reach 127.0.0.1 (DNS/connection)");
  }
}
