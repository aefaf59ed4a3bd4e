package io.activationsuite.destination.zendesk;

import static io.activationsuite.destination.zendesk.ZendeskFixtures.record;
import static io.activationsuite.destination.zendesk.ZendeskFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.junit.SandboxTest;
import io.activationsuite.sandbox.zendesk.ZendeskEmulator;
import io.activationsuite.sink.api.Operation;
import io.activationsuite.sink.api.RecordOutcome;
import io.activationsuite.sink.api.RejectionReason;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Failed jobs, uncertain deliveries, throttling and token rotation: no record lost or doubled. */
@SandboxTest("zendesk")
class ZendeskDeliveryTest {

  private final ZendeskFixtures fixtures = new ZendeskFixtures();
  private final EmulatorServer server;
  private final ZendeskEmulator zendesk;

  ZendeskDeliveryTest(EmulatorServer server, ZendeskEmulator zendesk) {
    this.server = server;
    this.zendesk = zendesk;
  }

  @Test
  void aFailedUpsertJobLosesNoRecordItsRecordsAreRetried() throws Exception {
    zendesk.failNextJobs(1);
    try (ZendeskSession session = fixtures.open(ZendeskFixtures.apiTokenConfig(server))) {
      List<RecordOutcome> outcomes = write(session, "users", Operation.UPSERT, "external_id",
          record("c-1", "name", "Ana"), record("c-2", "name", "Bo"));

      assertThat(outcomes).hasSize(2).allSatisfy(o -> assertThat(o).isInstanceOfSatisfying(RecordOutcome.Retry.class,
          r -> assertThat(r.message()).contains("ended failed")));
      assertThat(server.objects("users")).isEmpty();
      assertThat(write(session, "users", Operation.UPSERT, "external_id", record("c-1", "name", "Ana")))
          .singleElement().isInstanceOf(RecordOutcome.Accepted.class);
    }
  }

  @Test
  void aFailedCreateJobRejectsItsRecordsAsUncertainInsteadOfResending() throws Exception {
    zendesk.failNextJobs(1);
    try (ZendeskSession session = fixtures.open(ZendeskFixtures.apiTokenConfig(server))) {
      List<RecordOutcome> outcomes = write(session, "organizations", Operation.INSERT, null,
          record(null, "name", "Acme"));

      assertThat(outcomes).singleElement().isInstanceOfSatisfying(RecordOutcome.Rejected.class,
          r -> {
            assertThat(r.reason()).isEqualTo(RejectionReason.DELIVERY_UNCERTAIN);
            assertThat(r.message()).startsWith("Delivery uncertain").contains("not sent again");
          });
      assertThat(server.requests().count("POST", "/api/v2/organizations/create_many")).isEqualTo(1);
    }
  }

  @Test
  void aGatewayErrorOnCreateEndsDeliveryUncertainButOnUpsertItIsRetried() throws Exception {
    try (ZendeskSession session = fixtures.open(ZendeskFixtures.apiTokenConfig(server))) {
      ZendeskFixtures.object(session, "users");
      server.faults().failNext(1, 502);
      List<RecordOutcome> created = write(session, "users", Operation.INSERT, null,
          record(null, "name", "Ana", "email", "ana@example.com"));
      assertThat(created).singleElement().isInstanceOfSatisfying(RecordOutcome.Rejected.class, r -> {
        assertThat(r.reason()).isEqualTo(RejectionReason.DELIVERY_UNCERTAIN);
        assertThat(r.message()).contains("HTTP 502");
      });
      assertThat(server.requests().count("POST", "/api/v2/users/create_many")).isEqualTo(1);

      server.faults().failNext(1, 502);
      List<RecordOutcome> upserted = write(session, "users", Operation.UPSERT, "email",
          record("ana@example.com", "name", "Ana"));
      assertThat(upserted).singleElement().isInstanceOf(RecordOutcome.Accepted.class);
      assertThat(server.requests().count("POST", "/api/v2/users/create_or_update_many")).isEqualTo(2);
    }
  }

  @Test
  void aStormOf429IsWaitedOutWithRetryAfterForCreatesAndUpdates() throws Exception {
    try (ZendeskSession session = fixtures.open(ZendeskFixtures.apiTokenConfig(server))) {
      server.faults().throttleNext(4);
      List<RecordOutcome> created = write(session, "users", Operation.INSERT, null,
          record(null, "name", "Ana", "email", "ana@example.com", "external_id", "c-1"));
      server.faults().throttleNext(4);
      List<RecordOutcome> updated = write(session, "users", Operation.UPDATE, "external_id",
          record("c-1", "seats", 3));

      assertThat(created).singleElement().isInstanceOf(RecordOutcome.Accepted.class);
      assertThat(updated).singleElement().isInstanceOf(RecordOutcome.Accepted.class);
      assertThat(server.objects("users")).hasSize(1);
      assertThat(server.requests().entries().stream().filter(e -> e.status() == 429).count()).isEqualTo(8);
    }
  }

  @Test
  void theRefreshTokenRotatesMidSyncAndTheNewOneIsPersisted() throws Exception {
    try (ZendeskSession session = fixtures.open(ZendeskFixtures.oauthConfig(server))) {
      write(session, "users", Operation.UPSERT, "external_id", record("c-1", "name", "Ana"));
      String first = zendesk.currentRefreshToken();
      server.expireAccessTokens();
      List<RecordOutcome> after = write(session, "users", Operation.UPSERT, "external_id", record("c-2", "name", "Bo"));

      assertThat(after).singleElement().isInstanceOf(RecordOutcome.Accepted.class);
      assertThat(zendesk.currentRefreshToken()).isNotEqualTo(first);
      assertThat(fixtures.configUpdates).hasSize(2);
      assertThat(fixtures.configUpdates.get(1).path("credentials").path("refresh_token").asText())
          .isEqualTo(zendesk.currentRefreshToken());
      assertThat(server.objects("users")).hasSize(2);
    }
  }
}
