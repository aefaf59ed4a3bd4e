package io.activationsuite.destination.braze;

import static io.activationsuite.destination.braze.BrazeFixtures.open;
import static io.activationsuite.destination.braze.BrazeFixtures.record;
import static io.activationsuite.destination.braze.BrazeFixtures.user;
import static io.activationsuite.destination.braze.BrazeFixtures.writer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.braze.BrazeSettings;
import io.activationsuite.sandbox.junit.SandboxTest;
import io.activationsuite.sink.api.BatchRejectedException;
import io.activationsuite.sink.api.BatchWriter;
import io.activationsuite.sink.api.Operation;
import io.activationsuite.sink.api.OutboundRecord;
import io.activationsuite.sink.api.RecordOutcome;
import io.activationsuite.sink.api.RejectionReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@SandboxTest("braze")
class BrazeWriteSandboxTest {

  private final EmulatorServer braze;

  BrazeWriteSandboxTest(EmulatorServer braze) {
    this.braze = braze;
  }

  @Test
  void usersUpsertWritesStandardCustomNestedAndOpenAttributes() throws Exception {
    try (BrazeSession session = open(BrazeFixtures.config(braze))) {
      List<RecordOutcome> outcomes = writer(session, "users", Operation.UPSERT, "external_id").write(List.of(
          record("u1", "external_id", "u1", "first_name", "Ada", "email", "ada@example.com", "dob", "1990-02-03",
              "email_subscribe", "opted_in", "custom_attributes",
              "{\"health_segment\":\"at_risk\",\"address\":{\"city\":\"Paris\"},\"tags\":[\"a\",\"b\"]}")));

      assertThat(outcomes).containsExactly(RecordOutcome.accepted(null));
      JsonNode u1 = user(braze, "u1");
      assertThat(u1.path("first_name").asText()).isEqualTo("Ada");
      assertThat(u1.path("email").asText()).isEqualTo("ada@example.com");
      assertThat(u1.path("health_segment").asText()).isEqualTo("at_risk");
      assertThat(u1.path("address").path("city").asText()).isEqualTo("Paris");
      assertThat(u1.path("tags")).hasSize(2);
    }
  }

  @Test
  void perObjectErrorsLandOnTheirRecordsAndTheOthersAreWritten() throws Exception {
    try (BrazeSession session = open(BrazeFixtures.config(braze))) {
      List<RecordOutcome> outcomes = writer(session, "users", Operation.UPSERT, "external_id").write(List.of(
          record("a", "external_id", "a", "first_name", "A"),
          record("b", "external_id", "b", "email", "not-an-email"),
          record("c", "external_id", "c", "first_name", "C"),
          record("d", "external_id", "d", "email_subscribe", "maybe")));

      assertThat(outcomes.get(0)).isInstanceOf(RecordOutcome.Accepted.class);
      assertThat(outcomes.get(1)).isInstanceOfSatisfying(RecordOutcome.Rejected.class, r -> {
        assertThat(r.reason()).isEqualTo(RejectionReason.REFUSED_BY_API);
        assertThat(r.field()).isEqualTo("email");
        assertThat(r.message()).contains("'email' is not valid");
      });
      assertThat(outcomes.get(2)).isInstanceOf(RecordOutcome.Accepted.class);
      assertThat(outcomes.get(3)).isInstanceOfSatisfying(RecordOutcome.Rejected.class,
          r -> assertThat(r.field()).isEqualTo("email_subscribe"));
      assertThat(user(braze, "b")).isNull();
      assertThat(user(braze, "c")).isNotNull();
    }
  }

  @Test
  void updateOnlyRejectsUnknownUsersAsNotFound() throws Exception {
    try (BrazeSession session = open(BrazeFixtures.config(braze))) {
      writer(session, "users", Operation.UPSERT, "external_id").write(List.of(record("k", "external_id", "k")));

      List<RecordOutcome> outcomes = writer(session, "users", Operation.UPDATE, "external_id").write(List.of(
          record("k", "external_id", "k", "last_name", "Known"), record("x", "external_id", "x", "last_name", "X")));

      assertThat(outcomes.get(0)).isInstanceOf(RecordOutcome.Accepted.class);
      assertThat(outcomes.get(1)).isInstanceOfSatisfying(RecordOutcome.Rejected.class,
          r -> assertThat(r.reason()).isEqualTo(RejectionReason.NOT_FOUND));
      assertThat(user(braze, "k").path("last_name").asText()).isEqualTo("Known");
      assertThat(user(braze, "x")).isNull();
    }
  }

  @Test
  void usersUpsertByEmailPhoneAndAliasCreateProfiles() throws Exception {
    try (BrazeSession session = open(BrazeFixtures.config(braze))) {
      writer(session, "users", Operation.UPSERT, "email").write(List.of(
          record("e@example.com", "email", "e@example.com", "first_name", "E")));
      writer(session, "users", Operation.UPSERT, "phone").write(List.of(
          record("+15555550100", "phone", "+15555550100", "first_name", "P")));
      List<RecordOutcome> alias = writer(session, "users", Operation.UPSERT, "user_alias_name").write(List.of(
          record("crm-1", "user_alias_name", "crm-1", "user_alias_label", "crm_id", "first_name", "Al"),
          record("crm-2", "user_alias_name", "crm-2", "first_name", "No label")));

      assertThat(alias.get(0)).isInstanceOf(RecordOutcome.Accepted.class);
      assertThat(alias.get(1)).isInstanceOfSatisfying(RecordOutcome.Rejected.class,
          r -> assertThat(r.message()).contains("user_alias_label"));
      assertThat(braze.objects("users")).hasSize(3);
    }
  }

  @Test
  void eventsAndPurchasesAreLoggedWithPropertiesAndTheirErrorsLandByIndex() throws Exception {
    try (BrazeSession session = open(BrazeFixtures.config(braze))) {
      List<RecordOutcome> events = writer(session, "events", Operation.INSERT, null).write(List.of(
          record(null, "external_id", "u1", "name", "entered_at_risk", "time", "2026-11-20T10:00:00Z",
              "properties", "{\"score\":21.5}"),
          record(null, "name", "orphan", "time", "2026-11-20T10:00:00Z"),
          record(null, "email", "p@example.com", "name", "bad_props", "time", "2026-11-20T10:00:00Z",
              "properties", "[1,2]")));
      List<RecordOutcome> purchases = writer(session, "purchases", Operation.INSERT, null).write(List.of(
          record(null, "external_id", "u1", "product_id", "sku-1", "currency", "USD", "price", 12.5, "quantity", 2,
              "time", "2026-11-20T10:00:00Z"),
          record(null, "external_id", "u1", "product_id", "sku-2", "currency", "usd", "price", 1,
              "time", "2026-11-20T10:00:00Z")));

      assertThat(events.get(0)).isInstanceOf(RecordOutcome.Accepted.class);
      assertThat(events.get(1)).isInstanceOfSatisfying(RecordOutcome.Rejected.class,
          r -> assertThat(r.message()).contains("names no user"));
      assertThat(events.get(2)).isInstanceOfSatisfying(RecordOutcome.Rejected.class,
          r -> assertThat(r.message()).contains("'properties' must be a JSON object"));
      assertThat(purchases.get(0)).isInstanceOf(RecordOutcome.Accepted.class);
      assertThat(purchases.get(1)).isInstanceOfSatisfying(RecordOutcome.Rejected.class,
          r -> assertThat(r.field()).isEqualTo("currency"));
      assertThat(braze.objects("events")).hasSize(1);
      assertThat(braze.objects("events").get(0).path("properties").path("score").asDouble()).isEqualTo(21.5);
      assertThat(braze.objects("purchases")).hasSize(1);
    }
  }

  @Test
  void anEventRequestWhoseConnectionDropsIsNotResentAndItsRecordsAreDeliveryUncertain() throws Exception {
    try (BrazeSession session = open(BrazeFixtures.config(braze))) {
      BatchWriter events = writer(session, "events", Operation.INSERT, null);
      braze.faults().resetNext(1);

      List<RecordOutcome> outcomes = events.write(List.of(
          record(null, "external_id", "u1", "name", "e", "time", "2026-11-20T10:00:00Z"),
          record(null, "external_id", "u2", "name", "e", "time", "2026-11-20T10:00:00Z")));

      assertThat(outcomes).allSatisfy(o -> assertThat(o).isInstanceOfSatisfying(RecordOutcome.Rejected.class,
          r -> {
            assertThat(r.reason()).isEqualTo(RejectionReason.DELIVERY_UNCERTAIN);
            assertThat(r.message()).contains("may have recorded");
          }));
      assertThat(braze.requests().count("POST", "/users/track")).isEqualTo(1);
    }
  }

  @Test
  void anAttributeRequestWhoseConnectionDropsIsRetriedBecauseItIsIdempotent() throws Exception {
    try (BrazeSession session = open(BrazeFixtures.config(braze))) {
      BatchWriter users = writer(session, "users", Operation.UPSERT, "external_id");
      braze.faults().resetNext(1);

      List<RecordOutcome> outcomes = users.write(List.of(record("r", "external_id", "r", "first_name", "R")));

      assertThat(outcomes).containsExactly(RecordOutcome.accepted(null));
      assertThat(braze.requests().count("POST", "/users/track")).isEqualTo(2);
      assertThat(user(braze, "r")).isNotNull();
    }
  }

  @Test
  void anEventRequestThrottledWith429IsSentAgainBecauseBrazeDidNotProcessIt() throws Exception {
    try (BrazeSession session = open(BrazeFixtures.config(braze))) {
      BatchWriter events = writer(session, "events", Operation.INSERT, null);
      braze.faults().throttleNext(2);

      List<RecordOutcome> outcomes = events.write(List.of(
          record(null, "external_id", "u1", "name", "e", "time", "2026-11-20T10:00:00Z")));

      assertThat(outcomes).containsExactly(RecordOutcome.accepted(null));
      assertThat(braze.objects("events")).hasSize(1);
    }
  }

  @Test
  void deletionsRemoveUsersByExternalIdAndByAlias() throws Exception {
    try (BrazeSession session = open(BrazeFixtures.config(braze))) {
      writer(session, "users", Operation.UPSERT, "external_id").write(List.of(record("a", "external_id", "a"),
          record("b", "external_id", "b")));
      writer(session, "users", Operation.UPSERT, "user_alias_name").write(List.of(
          record("crm-1", "user_alias_name", "crm-1", "user_alias_label", "crm_id", "x", 1)));

      List<RecordOutcome> byId = writer(session, "user_deletions", Operation.DELETE, "external_id")
          .write(List.of(record("a", "external_id", "a")));
      List<RecordOutcome> byAlias = writer(session, "user_deletions", Operation.DELETE, "user_alias_name")
          .write(List.of(record("crm-1", "user_alias_name", "crm-1", "user_alias_label", "crm_id")));

      assertThat(byId).containsExactly(RecordOutcome.accepted(null));
      assertThat(byAlias).containsExactly(RecordOutcome.accepted(null));
      assertThat(braze.objects("users")).hasSize(1);
      assertThat(user(braze, "b")).isNotNull();
    }
  }

  @Test
  void subscriptionStatesAreSetByEmailAndAnUnknownGroupRefusesTheRequest() throws Exception {
    try (BrazeSession session = open(BrazeFixtures.config(braze))) {
      BatchWriter members = writer(session, "subscription_group_members", Operation.UPSERT, "email");

      List<RecordOutcome> outcomes = members.write(List.of(
          record("a@example.com", "email", "a@example.com", "subscription_group_id", BrazeSettings.NEWSLETTER_GROUP,
              "subscription_state", "subscribed"),
          record("b@example.com", "email", "b@example.com", "subscription_group_id", BrazeSettings.NEWSLETTER_GROUP,
              "subscription_state", "unsubscribed")));

      assertThat(outcomes).hasSize(2).allMatch(o -> o instanceof RecordOutcome.Accepted);
      Map<String, String> states = new java.util.HashMap<>();
      braze.objects("users").forEach(u -> states.put(u.path("email").asText(),
          u.path("subscription_groups").get(0).path("subscription_state").asText()));
      assertThat(states).containsEntry("a@example.com", "subscribed").containsEntry("b@example.com", "unsubscribed");
      assertThatThrownBy(() -> members.write(List.of(record("c@example.com", "email", "c@example.com",
          "subscription_group_id", "no-such-group", "subscription_state", "subscribed"))))
          .isInstanceOfSatisfying(BatchRejectedException.class, e -> assertThat(e.httpStatus()).isEqualTo(400));
    }
  }

  @Test
  void aRequestOver4MegabytesIs413AndASingleTooLargeRecordIsRejected() throws Exception {
    try (BrazeSession session = open(BrazeFixtures.config(braze))) {
      BatchWriter users = writer(session, "users", Operation.UPSERT, "external_id");
      String half = "\"".repeat(1_100_000);
      List<OutboundRecord> two = new ArrayList<>(List.of(record("a", "external_id", "a", "bio", half),
          record("b", "external_id", "b", "bio", half)));

      assertThatThrownBy(() -> users.write(two)).isInstanceOfSatisfying(BatchRejectedException.class,
          e -> assertThat(e.httpStatus()).isEqualTo(413));
      List<RecordOutcome> one = users.write(List.of(record("c", "external_id", "c", "bio", half + half)));
      assertThat(one.get(0)).isInstanceOfSatisfying(RecordOutcome.Rejected.class,
          r -> assertThat(r.reason()).isEqualTo(RejectionReason.RECORD_TOO_LARGE));
      assertThat(braze.objects("users")).isEmpty();
    }
  }
}
