package io.activationsuite.destination.hubspot;

import static io.activationsuite.destination.hubspot.HubSpotFixtures.byProperty;
import static io.activationsuite.destination.hubspot.HubSpotFixtures.live;
import static io.activationsuite.destination.hubspot.HubSpotFixtures.object;
import static io.activationsuite.destination.hubspot.HubSpotFixtures.plan;
import static io.activationsuite.destination.hubspot.HubSpotFixtures.record;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.junit.SandboxTest;
import io.activationsuite.sink.api.BatchWriter;
import io.activationsuite.sink.api.DestinationObject;
import io.activationsuite.sink.api.Operation;
import io.activationsuite.sink.api.RecordOutcome;
import io.activationsuite.sink.api.RejectionReason;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

@SandboxTest("hubspot")
class HubSpotWriteSandboxTest {

  private final HubSpotFixtures fixtures = new HubSpotFixtures();

  private List<RecordOutcome> write(HubSpotSession session, DestinationObject object, Operation op, String key,
      io.activationsuite.sink.api.OutboundRecord... records) throws Exception {
    BatchWriter writer = session.writer(plan(object, op, key));
    return writer.write(List.of(records));
  }

  private String idOf(EmulatorServer server, String type, String property, String value) {
    JsonNode node = byProperty(server, type, property, value);
    assertThat(node).as(type + " with " + property + "=" + value).isNotNull();
    return node.path("id").asText();
  }

  @Test
  void contactsInsertCreatesRecordsWithWireFormattedValues(EmulatorServer server) throws Exception {
    try (HubSpotSession session = fixtures.open(HubSpotFixtures.privateAppConfig(server))) {
      DestinationObject contacts = object(session, "contacts");
      List<RecordOutcome> outcomes = write(session, contacts, Operation.INSERT, null,
          record(null, "email", "ana@example.com", "firstname", "Ana", "is_vip", true,
              "signup_date", "2024-03-01", "last_purchase_at", "2024-03-02T10:15:30Z", "lifetime_value", 12.5,
              "interests", List.of("crm", "analytics")),
          record(null, "email", "bo@example.com", "firstname", "Bo"));

      assertThat(outcomes).allSatisfy(o -> assertThat(o).isInstanceOf(RecordOutcome.Accepted.class));
      assertThat(((RecordOutcome.Accepted) outcomes.get(0)).destinationId()).isNotBlank();
      JsonNode ana = byProperty(server, "contacts", "email", "ana@example.com").path("properties");
      assertThat(ana.path("firstname").asText()).isEqualTo("Ana");
      assertThat(ana.path("is_vip").asText()).isEqualTo("true");
      assertThat(ana.path("interests").asText()).isEqualTo("crm;analytics");
      assertThat(ana.path("lifetime_value").asText()).isEqualTo("12.5");
      assertThat(ana.path("signup_date").asText()).startsWith("2024-03-01");
      assertThat(live(server, "contacts")).hasSize(2);
    }
  }

  @Test
  void contactsUpdateByRecordIdAndByEmailAndClearing(EmulatorServer server) throws Exception {
    try (HubSpotSession session = fixtures.open(HubSpotFixtures.privateAppConfig(server))) {
      DestinationObject contacts = object(session, "contacts");
      write(session, contacts, Operation.INSERT, null,
          record(null, "email", "ana@example.com", "firstname", "Ana", "city", "Lisbon"),
          record(null, "email", "bo@example.com", "firstname", "Bo"));
      String anaId = idOf(server, "contacts", "email", "ana@example.com");

      List<RecordOutcome> byId = write(session, contacts, Operation.UPDATE, "hs_object_id",
          HubSpotFixtures.clearing(anaId, Set.of("city"), "hs_object_id", anaId, "firstname", "Anna"));
      List<RecordOutcome> byEmail = write(session, contacts, Operation.UPDATE, "email",
          record("bo@example.com", "email", "bo@example.com", "lastname", "Berg"),
          record("nobody@example.com", "email", "nobody@example.com", "lastname", "Nobody"));

      assertThat(byId).containsExactly(RecordOutcome.accepted(anaId));
      JsonNode ana = byProperty(server, "contacts", "email", "ana@example.com").path("properties");
      assertThat(ana.path("firstname").asText()).isEqualTo("Anna");
      assertThat(ana.path("city").asText("")).isEmpty();
      assertThat(byEmail.get(0)).isInstanceOf(RecordOutcome.Accepted.class);
      assertThat(byProperty(server, "contacts", "email", "bo@example.com").path("properties").path("lastname")
          .asText()).isEqualTo("Berg");
      assertThat(byEmail.get(1)).isInstanceOfSatisfying(RecordOutcome.Rejected.class,
          r -> assertThat(r.reason()).isEqualTo(RejectionReason.NOT_FOUND));
    }
  }

  @Test
  void contactsUpsertByEmailCreatesAndUpdates(EmulatorServer server) throws Exception {
    try (HubSpotSession session = fixtures.open(HubSpotFixtures.privateAppConfig(server))) {
      DestinationObject contacts = object(session, "contacts");
      write(session, contacts, Operation.INSERT, null, record(null, "email", "ana@example.com", "firstname", "A"));

      List<RecordOutcome> outcomes = write(session, contacts, Operation.UPSERT, "email",
          record("ana@example.com", "email", "ana@example.com", "firstname", "Ana"),
          record("cy@example.com", "email", "cy@example.com", "firstname", "Cy"));

      assertThat(outcomes).allSatisfy(o -> assertThat(o).isInstanceOf(RecordOutcome.Accepted.class));
      assertThat(live(server, "contacts")).hasSize(2);
      assertThat(byProperty(server, "contacts", "email", "ana@example.com").path("properties").path("firstname")
          .asText()).isEqualTo("Ana");
      assertThat(byProperty(server, "contacts", "email", "cy@example.com")).isNotNull();
    }
  }

  @Test
  void contactsArchiveByIdAndByEmailRejectsUnknownEmailsAsNotFound(EmulatorServer server) throws Exception {
    try (HubSpotSession session = fixtures.open(HubSpotFixtures.privateAppConfig(server))) {
      DestinationObject contacts = object(session, "contacts");
      write(session, contacts, Operation.INSERT, null,
          record(null, "email", "ana@example.com"), record(null, "email", "bo@example.com"),
          record(null, "email", "cy@example.com"));
      String anaId = idOf(server, "contacts", "email", "ana@example.com");

      List<RecordOutcome> byId = write(session, contacts, Operation.ARCHIVE, "hs_object_id",
          record(anaId, "hs_object_id", anaId));
      List<RecordOutcome> byEmail = write(session, contacts, Operation.ARCHIVE, "email",
          record("bo@example.com", "email", "bo@example.com"), record("zed@example.com", "email", "zed@example.com"));

      assertThat(byId.getFirst()).isInstanceOf(RecordOutcome.Accepted.class);
      assertThat(byEmail.get(0)).isInstanceOf(RecordOutcome.Accepted.class);
      assertThat(byEmail.get(1)).isInstanceOfSatisfying(RecordOutcome.Rejected.class, r -> {
        assertThat(r.reason()).isEqualTo(RejectionReason.NOT_FOUND);
        assertThat(r.message()).contains("zed@example.com");
      });
      assertThat(live(server, "contacts")).extracting(r -> r.path("properties").path("email").asText())
          .containsExactly("cy@example.com");
    }
  }

  @Test
  void partialFailureRejectsOnlyTheBadInputsWithHubSpotsMessage(EmulatorServer server) throws Exception {
    try (HubSpotSession session = fixtures.open(HubSpotFixtures.privateAppConfig(server))) {
      DestinationObject contacts = object(session, "contacts");
      List<RecordOutcome> outcomes = write(session, contacts, Operation.UPSERT, "email",
          record("ok@example.com", "email", "ok@example.com", "firstname", "Ok"),
          record("bad@example.com", "email", "bad@example.com", "lifecyclestage", "not-a-stage"),
          record("also-ok@example.com", "email", "also-ok@example.com"));

      assertThat(outcomes.get(0)).isInstanceOf(RecordOutcome.Accepted.class);
      assertThat(outcomes.get(2)).isInstanceOf(RecordOutcome.Accepted.class);
      assertThat(outcomes.get(1)).isInstanceOfSatisfying(RecordOutcome.Rejected.class, r -> {
        assertThat(r.reason()).isEqualTo(RejectionReason.INVALID_OPTION);
        assertThat(r.message()).contains("not-a-stage");
      });
      assertThat(live(server, "contacts")).hasSize(2);
    }
  }

  @Test
  void companiesInsertUpsertAndUpdateByUniqueProperty(EmulatorServer server) throws Exception {
    try (HubSpotSession session = fixtures.open(HubSpotFixtures.privateAppConfig(server))) {
      DestinationObject companies = object(session, "companies");
      assertThat(write(session, companies, Operation.INSERT, null,
          record(null, "name", "Acme", "company_external_id", "C-1")))
          .allMatch(RecordOutcome.Accepted.class::isInstance);
      assertThat(write(session, companies, Operation.UPSERT, "company_external_id",
          record("C-1", "company_external_id", "C-1", "name", "Acme Inc"),
          record("C-2", "company_external_id", "C-2", "name", "Globex")))
          .allMatch(RecordOutcome.Accepted.class::isInstance);
      assertThat(write(session, companies, Operation.UPDATE, "company_external_id",
          record("C-2", "company_external_id", "C-2", "name", "Globex Corp")))
          .allMatch(RecordOutcome.Accepted.class::isInstance);

      assertThat(live(server, "companies")).extracting(r -> r.path("properties").path("name").asText())
          .containsExactlyInAnyOrder("Acme Inc", "Globex Corp");
    }
  }

  @Test
  void customObjectEveryMode(EmulatorServer server) throws Exception {
    try (HubSpotSession session = fixtures.open(HubSpotFixtures.privateAppConfig(server))) {
      DestinationObject subscriptions = object(session, "subscriptions");
      assertThat(write(session, subscriptions, Operation.INSERT, null,
          record(null, "subscription_id", "S-1", "plan", "pro", "seats", 3, "auto_renew", false,
              "started_on", "2024-01-31", "renews_at", "2025-01-31T00:00:00Z")))
          .allMatch(RecordOutcome.Accepted.class::isInstance);
      String s1 = idOf(server, "2-1234567", "subscription_id", "S-1");
      assertThat(write(session, subscriptions, Operation.UPSERT, "subscription_id",
          record("S-2", "subscription_id", "S-2", "plan", "free"))).allMatch(RecordOutcome.Accepted.class::isInstance);
      assertThat(write(session, subscriptions, Operation.UPDATE, "hs_object_id",
          record(s1, "hs_object_id", s1, "status", "paused"))).allMatch(RecordOutcome.Accepted.class::isInstance);
      assertThat(write(session, subscriptions, Operation.UPDATE, "subscription_id",
          record("S-2", "subscription_id", "S-2", "seats", 10))).allMatch(RecordOutcome.Accepted.class::isInstance);
      assertThat(byProperty(server, "2-1234567", "subscription_id", "S-1").path("properties").path("status")
          .asText()).isEqualTo("paused");
      assertThat(byProperty(server, "2-1234567", "subscription_id", "S-2").path("properties").path("seats")
          .asText()).isEqualTo("10");

      assertThat(write(session, subscriptions, Operation.ARCHIVE, "subscription_id",
          record("S-2", "subscription_id", "S-2"))).allMatch(RecordOutcome.Accepted.class::isInstance);
      assertThat(write(session, subscriptions, Operation.ARCHIVE, "hs_object_id",
          record(s1, "hs_object_id", s1))).allMatch(RecordOutcome.Accepted.class::isInstance);
      assertThat(live(server, "2-1234567")).isEmpty();
    }
  }
}
