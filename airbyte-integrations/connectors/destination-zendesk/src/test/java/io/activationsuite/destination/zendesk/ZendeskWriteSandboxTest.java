package io.activationsuite.destination.zendesk;

import static io.activationsuite.destination.zendesk.ZendeskFixtures.record;
import static io.activationsuite.destination.zendesk.ZendeskFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.junit.SandboxTest;
import io.activationsuite.sandbox.zendesk.ZendeskEmulator;
import io.activationsuite.sink.api.DestinationField;
import io.activationsuite.sink.api.FieldType;
import io.activationsuite.sink.api.Operation;
import io.activationsuite.sink.api.RecordOutcome;
import io.activationsuite.sink.api.RejectionReason;
import java.util.List;
import org.junit.jupiter.api.Test;

@SandboxTest("zendesk")
class ZendeskWriteSandboxTest {

  private final ZendeskFixtures fixtures = new ZendeskFixtures();
  private final EmulatorServer server;
  private final ZendeskEmulator zendesk;

  ZendeskWriteSandboxTest(EmulatorServer server, ZendeskEmulator zendesk) {
    this.server = server;
    this.zendesk = zendesk;
  }

  private static JsonNode find(JsonNode records, String field, String value) {
    for (JsonNode r : records) {
      if (value.equals(r.path(field).asText())) {
        return r;
      }
    }
    return null;
  }

  @Test
  void discoveryTypesCustomFieldsAndOffersEachObjectsOperations() throws Exception {
    try (ZendeskSession session = fixtures.open(ZendeskFixtures.apiTokenConfig(server))) {
      var users = ZendeskFixtures.object(session, "users");
      DestinationField plan = users.fieldsByName().get("plan");
      assertThat(plan.type()).isEqualTo(FieldType.ENUM);
      assertThat(plan.options()).containsExactly("free", "starter", "pro", "enterprise");
      assertThat(users.fieldsByName().get("health_score").type()).isEqualTo(FieldType.NUMBER);
      assertThat(users.operation(Operation.UPSERT).orElseThrow().matchingKeys()).containsExactly("email",
          "external_id");
      var tickets = ZendeskFixtures.object(session, "tickets");
      assertThat(tickets.fieldsByName().get("escalation_reason").type()).isEqualTo(FieldType.ENUM);
      assertThat(tickets.operation(Operation.UPSERT)).isEmpty();
      var subscriptions = ZendeskFixtures.object(session, "custom_object.subscription");
      assertThat(subscriptions.fieldsByName().get("renews_on").type()).isEqualTo(FieldType.DATE);
      assertThat(ZendeskFixtures.object(session, "organizations").fieldsByName().get("regions").type())
          .isEqualTo(FieldType.MULTI_ENUM);
    }
  }

  @Test
  void usersInsertUpsertUpdateAndDeleteWithFailuresOnTheRightRecord() throws Exception {
    try (ZendeskSession session = fixtures.open(ZendeskFixtures.apiTokenConfig(server))) {
      List<RecordOutcome> inserted = write(session, "users", Operation.INSERT, null,
          record(null, "name", "Ana", "email", "ana@example.com", "external_id", "c-1", "health_score", 81.5),
          record(null, "name", "Bad", "email", "bad@example"),
          record(null, "name", "Bo", "email", "bo@example.com", "external_id", "c-2", "plan", "pro"));
      assertThat(inserted.get(0)).isInstanceOf(RecordOutcome.Accepted.class);
      assertThat(inserted.get(1)).isInstanceOfSatisfying(RecordOutcome.Rejected.class, r -> {
        assertThat(r.reason()).isEqualTo(RejectionReason.INVALID_VALUE);
        assertThat(r.message()).contains("UserCreateError").contains("bad@example is not properly formatted");
      });
      assertThat(inserted.get(2)).isInstanceOf(RecordOutcome.Accepted.class);

      List<RecordOutcome> upserted = write(session, "users", Operation.UPSERT, "email",
          record("ana@example.com", "health_score", 40, "churn_risk", true),
          record("new@example.com", "name", "New", "plan", "platinum"),
          record("cy@example.com", "name", "Cy"));
      assertThat(upserted.get(0)).isInstanceOf(RecordOutcome.Accepted.class);
      assertThat(upserted.get(1)).isInstanceOfSatisfying(RecordOutcome.Rejected.class,
          r -> assertThat(r.reason()).isEqualTo(RejectionReason.INVALID_OPTION));
      assertThat(upserted.get(2)).isInstanceOf(RecordOutcome.Accepted.class);
      assertThat(find(server.objects("users"), "email", "ana@example.com").path("user_fields")
          .path("health_score").asInt()).isEqualTo(40);

      List<RecordOutcome> updated = write(session, "users", Operation.UPDATE, "external_id",
          record("c-2", "seats", 12), record("c-404", "seats", 1));
      assertThat(updated.get(0)).isInstanceOf(RecordOutcome.Accepted.class);
      assertThat(updated.get(1)).isInstanceOfSatisfying(RecordOutcome.Rejected.class,
          r -> assertThat(r.reason()).isEqualTo(RejectionReason.NOT_FOUND));

      String boId = find(server.objects("users"), "email", "bo@example.com").path("id").asText();
      assertThat(write(session, "users", Operation.DELETE, "id", record(boId))).singleElement()
          .isInstanceOf(RecordOutcome.Accepted.class);
      assertThat(write(session, "users", Operation.DELETE, "external_id", record("c-1"))).singleElement()
          .isInstanceOf(RecordOutcome.Accepted.class);
      assertThat(server.objects("users")).hasSize(1);
    }
  }

  @Test
  void organizationsInsertUpsertUpdateAndDelete() throws Exception {
    try (ZendeskSession session = fixtures.open(ZendeskFixtures.apiTokenConfig(server))) {
      List<RecordOutcome> inserted = write(session, "organizations", Operation.INSERT, null,
          record(null, "name", "Acme", "external_id", "acc-1", "segment", "enterprise"),
          record(null, "name", "ACME", "external_id", "acc-9"));
      assertThat(inserted.get(0)).isInstanceOf(RecordOutcome.Accepted.class);
      assertThat(inserted.get(1)).isInstanceOfSatisfying(RecordOutcome.Rejected.class,
          r -> assertThat(r.reason()).isEqualTo(RejectionReason.DUPLICATE_KEY));

      List<RecordOutcome> upserted = write(session, "organizations", Operation.UPSERT, "external_id",
          record("acc-1", "health_score", 72.5, "plan", "enterprise"),
          record("acc-2", "name", "Beta", "regions", List.of("emea", "apac")),
          record("acc-3", "name", "acme"));
      assertThat(upserted.get(0)).isInstanceOf(RecordOutcome.Accepted.class);
      assertThat(upserted.get(1)).isInstanceOf(RecordOutcome.Accepted.class);
      assertThat(upserted.get(2)).isInstanceOfSatisfying(RecordOutcome.Rejected.class,
          r -> assertThat(r.message()).contains("has already been taken"));
      JsonNode acme = find(server.objects("organizations"), "external_id", "acc-1");
      assertThat(acme.path("organization_fields").path("health_score").asDouble()).isEqualTo(72.5);

      assertThat(write(session, "organizations", Operation.UPDATE, "external_id", record("acc-2", "notes", "vip")))
          .singleElement().isInstanceOf(RecordOutcome.Accepted.class);
      assertThat(write(session, "organizations", Operation.DELETE, "external_id", record("acc-2")))
          .singleElement().isInstanceOf(RecordOutcome.Accepted.class);
      assertThat(server.objects("organizations")).hasSize(1);
    }
  }

  @Test
  void ticketsInsertAndUpdateWithCustomFieldsById() throws Exception {
    try (ZendeskSession session = fixtures.open(ZendeskFixtures.apiTokenConfig(server))) {
      List<RecordOutcome> created = write(session, "tickets", Operation.INSERT, null,
          record(null, "subject", "Health dropped", "comment_body", "Score 31", "requester_email", "ana@example.com",
              "requester_name", "Ana", "priority", "high", "escalation_reason", "low_health", "health_score", 31),
          record(null, "subject", "Bad", "comment_body", "x", "requester_email", "ana@example.com",
              "escalation_reason", "whatever"));
      assertThat(created.get(0)).isInstanceOf(RecordOutcome.Accepted.class);
      assertThat(created.get(1)).isInstanceOfSatisfying(RecordOutcome.Rejected.class,
          r -> assertThat(r.reason()).isEqualTo(RejectionReason.INVALID_OPTION));
      String id = ((RecordOutcome.Accepted) created.get(0)).destinationId();

      assertThat(write(session, "tickets", Operation.UPDATE, "id", record(id, "status", "open")))
          .singleElement().isInstanceOf(RecordOutcome.Accepted.class);
      JsonNode ticket = server.objects("tickets").get(0);
      assertThat(ticket.path("status").asText()).isEqualTo("open");
      assertThat(ticket.path("priority").asText()).isEqualTo("high");
      assertThat(ticket.path("custom_fields").findValuesAsText("value")).contains("low_health");
    }
  }

  @Test
  void customObjectRecordsInsertUpsertUpdateAndDelete() throws Exception {
    String object = "custom_object.subscription";
    try (ZendeskSession session = fixtures.open(ZendeskFixtures.apiTokenConfig(server))) {
      List<RecordOutcome> created = write(session, object, Operation.INSERT, null,
          record(null, "name", "S1", "external_id", "sub-1", "plan", "pro", "mrr", 99));
      String id = ((RecordOutcome.Accepted) created.get(0)).destinationId();
      List<RecordOutcome> upserted = write(session, object, Operation.UPSERT, "external_id",
          record("sub-1", "mrr", 120), record("sub-2", "name", "S2", "renews_on", "2027-01-31"));
      assertThat(upserted).allSatisfy(o -> assertThat(o).isInstanceOf(RecordOutcome.Accepted.class));
      assertThat(write(session, object, Operation.UPDATE, "id", record(id, "active", true))).singleElement()
          .isInstanceOf(RecordOutcome.Accepted.class);
      assertThat(find(server.objects("subscription"), "external_id", "sub-1").path("custom_object_fields")
          .path("active").asBoolean()).isTrue();
      assertThat(write(session, object, Operation.DELETE, "external_id", record("sub-2"), record("sub-404")))
          .satisfiesExactly(o -> assertThat(o).isInstanceOf(RecordOutcome.Accepted.class),
              o -> assertThat(o).isInstanceOf(RecordOutcome.Rejected.class));
      assertThat(write(session, object, Operation.DELETE, "id", record(id))).singleElement()
          .isInstanceOf(RecordOutcome.Accepted.class);
      assertThat(server.objects("subscription")).isEmpty();
    }
  }
}
