package io.activationsuite.destination.hubspot;

import static io.activationsuite.destination.hubspot.HubSpotFixtures.object;
import static io.activationsuite.destination.hubspot.HubSpotFixtures.plan;
import static io.activationsuite.destination.hubspot.HubSpotFixtures.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.junit.SandboxTest;
import io.activationsuite.sink.api.BatchWriter;
import io.activationsuite.sink.api.DestinationObject;
import io.activationsuite.sink.api.Operation;
import io.activationsuite.sink.api.RecordOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;

@SandboxTest("hubspot")
class HubSpotOAuthSandboxTest {

  private final HubSpotFixtures fixtures = new HubSpotFixtures();

  @Test
  void accessTokenExpiringMidSyncIsRefreshedAndTheBatchStillLands(EmulatorServer server) throws Exception {
    try (HubSpotSession session = fixtures.open(HubSpotFixtures.oauthConfig(server))) {
      DestinationObject contacts = object(session, "contacts");
      BatchWriter writer = session.writer(plan(contacts, Operation.UPSERT, "email"));
      assertThat(writer.write(List.of(record("a@example.com", "email", "a@example.com"))))
          .allMatch(RecordOutcome.Accepted.class::isInstance);
      long tokensBefore = server.requests().count("POST", "/oauth/v1/token");

      server.expireAccessTokens();
      List<RecordOutcome> after = writer.write(List.of(record("b@example.com", "email", "b@example.com")));

      assertThat(after).allMatch(RecordOutcome.Accepted.class::isInstance);
      assertThat(server.requests().count("POST", "/oauth/v1/token")).isEqualTo(tokensBefore + 1);
      assertThat(server.requests().matching(e -> e.status() == 401)).hasSize(1);
      assertThat(HubSpotFixtures.live(server, "contacts")).hasSize(2);
    }
  }

  @Test
  void badOAuthClientSecretFailsCheckWithoutLeakingIt(EmulatorServer server) throws Exception {
    var config = HubSpotFixtures.oauthConfig(server);
    ((com.fasterxml.jackson.databind.node.ObjectNode) config.get("credentials")).put("client_secret", "s3cr3t-x");
    try (HubSpotSession session = fixtures.open(config)) {
      var status = session.check(java.util.Set.of("contacts"));
      assertThat(status.status().name()).isEqualTo("FAILED");
      assertThat(status.message()).doesNotContain("s3cr3t-x");
    }
  }
}
