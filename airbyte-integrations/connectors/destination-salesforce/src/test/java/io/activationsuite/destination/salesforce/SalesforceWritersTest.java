package io.activationsuite.destination.salesforce;

import static io.activationsuite.destination.salesforce.SalesforceTestSupport.config;
import static io.activationsuite.destination.salesforce.SalesforceTestSupport.open;
import static io.activationsuite.destination.salesforce.SalesforceTestSupport.plan;
import static io.activationsuite.destination.salesforce.SalesforceTestSupport.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.junit.SandboxTest;
import io.activationsuite.sandbox.salesforce.SalesforceEmulator;
import io.activationsuite.sink.api.ApiSession;
import io.activationsuite.sink.api.BatchWriter;
import io.activationsuite.sink.api.Operation;
import io.activationsuite.sink.api.OutboundRecord;
import io.activationsuite.sink.api.RecordOutcome;
import io.activationsuite.sink.api.RejectionReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every mode on Contact and the custom object, through both write strategies, against the emulator. */
@SandboxTest(value = "salesforce", properties = "salesforce.bulkProfile=instant")
class SalesforceWritersTest {

  @ParameterizedTest
  @ValueSource(strings = {"bulk", "collections"})
  void insertUpsertUpdateAndDeleteContacts(String strategy, EmulatorServer server, SalesforceEmulator sf)
      throws Exception {
    try (ApiSession session = open(config(server, strategy))) {
      BatchWriter insert = session.writer(plan(session, "Contact", Operation.INSERT, null));
      List<RecordOutcome> inserted = insert.write(List.of(
          record(null, "{\"LastName\":\"Lovelace\",\"FirstName\":\"Ada\",\"Title\":\"Countess, \\\"math\\\"\"}"),
          record(null, "{\"LastName\":\"Hopper\",\"Email\":\"grace@navy.mil\",\"HasOptedOutOfEmail\":true}")));
      assertThat(inserted).allMatch(o -> o instanceof RecordOutcome.Accepted);
      String adaId = ((RecordOutcome.Accepted) inserted.get(0)).destinationId();
      assertThat(sf.records("Contact")).extracting(r -> r.get("Title")).contains("Countess, \"math\"");

      BatchWriter upsert = session.writer(plan(session, "Contact", Operation.UPSERT, "External_Id__c"));
      List<RecordOutcome> upserted = upsert.write(List.of(
          record("ext-1", "{\"External_Id__c\":\"ext-1\",\"LastName\":\"Turing\",\"Birthdate\":\"1912-06-23\"}"),
          record("ext-2", "{\"External_Id__c\":\"ext-2\",\"LastName\":\"Noether\"}")));
      assertThat(upserted).allMatch(o -> o instanceof RecordOutcome.Accepted);
      upsert.write(List.of(record("ext-1", "{\"External_Id__c\":\"ext-1\",\"LastName\":\"Turing\","
          + "\"Title\":\"Dr\"}")));
      assertThat(sf.records("Contact")).filteredOn(r -> "ext-1".equals(r.get("External_Id__c")))
          .singleElement().satisfies(r -> assertThat(r.get("Title")).isEqualTo("Dr"));

      BatchWriter update = session.writer(plan(session, "Contact", Operation.UPDATE, "Id"));
      List<RecordOutcome> updated = update.write(List.of(
          record(adaId, "{\"Id\":\"" + adaId + "\",\"Phone\":\"+44 20\"}", Set.of("Title"))));
      assertThat(updated).containsExactly(RecordOutcome.accepted(adaId));
      Map<String, Object> ada = contact(sf, adaId);
      assertThat(ada.get("Phone")).isEqualTo("+44 20");
      assertThat(ada.get("Title")).isNull();
      assertThat(ada.get("FirstName")).isEqualTo("Ada");

      BatchWriter delete = session.writer(plan(session, "Contact", Operation.DELETE, "Id"));
      assertThat(delete.write(List.of(record(adaId, "{\"Id\":\"" + adaId + "\"}"))))
          .containsExactly(RecordOutcome.accepted(adaId));
      assertThat(sf.records("Contact")).extracting(r -> r.get("Id")).doesNotContain(adaId).hasSize(3);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"bulk", "collections"})
  void writesEveryFieldTypeOfTheCustomObject(String strategy, EmulatorServer server, SalesforceEmulator sf)
      throws Exception {
    try (ApiSession session = open(config(server, strategy))) {
      BatchWriter upsert = session.writer(plan(session, "Customer_Health__c", Operation.UPSERT, "Customer_Key__c"));
      List<RecordOutcome> outcomes = upsert.write(List.of(record("acme", "{\"Customer_Key__c\":\"acme\","
          + "\"Name\":\"ACME ✓ 日本\",\"Health_Score__c\":87.5,\"Churn_Risk__c\":12.25,\"Seats__c\":40,"
          + "\"Status__c\":\"Green\",\"Tags__c\":[\"Expansion\",\"Champion\"],\"Active__c\":true,"
          + "\"Last_Reviewed__c\":\"2026-01-02\",\"Renewal_At__c\":\"2026-11-21T10:15:30Z\","
          + "\"Support_Email__c\":\"help@acme.io\",\"Notes__c\":\"line 1\\nline 2, \\\"quoted\\\"\"}")));
      assertThat(outcomes).singleElement().isInstanceOf(RecordOutcome.Accepted.class);
      Map<String, Object> stored = sf.records("Customer_Health__c").get(0);
      assertThat(String.valueOf(stored.get("Name"))).isEqualTo("ACME ✓ 日本");
      assertThat(String.valueOf(stored.get("Notes__c"))).isEqualTo("line 1\nline 2, \"quoted\"");
      assertThat(String.valueOf(stored.get("Tags__c"))).isEqualTo("Expansion;Champion");
      assertThat(String.valueOf(stored.get("Seats__c"))).startsWith("40");
      assertThat(stored.get("Active__c")).isEqualTo(true);

      String id = ((RecordOutcome.Accepted) outcomes.get(0)).destinationId();
      BatchWriter update = session.writer(plan(session, "Customer_Health__c", Operation.UPDATE, "Id"));
      assertThat(update.write(List.of(record(id, "{\"Id\":\"" + id + "\",\"Status__c\":\"Red\"}"))))
          .containsExactly(RecordOutcome.accepted(id));
      BatchWriter insert = session.writer(plan(session, "Customer_Health__c", Operation.INSERT, null));
      assertThat(insert.write(List.of(record(null, "{\"Name\":\"Second\",\"Customer_Key__c\":\"k2\"}"))))
          .singleElement().isInstanceOf(RecordOutcome.Accepted.class);
      BatchWriter delete = session.writer(plan(session, "Customer_Health__c", Operation.DELETE, "Id"));
      assertThat(delete.write(List.of(record(id, "{\"Id\":\"" + id + "\"}"))))
          .containsExactly(RecordOutcome.accepted(id));
      assertThat(sf.records("Customer_Health__c")).extracting(r -> r.get("Name")).containsExactly("Second");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"bulk", "collections"})
  void perRecordFailuresLandOnTheRightRecords(String strategy, EmulatorServer server) throws Exception {
    try (ApiSession session = open(config(server, strategy))) {
      BatchWriter upsert = session.writer(plan(session, "Customer_Health__c", Operation.UPSERT, "Customer_Key__c"));
      List<OutboundRecord> batch = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        String status = i % 7 == 3 ? "Purple" : "Green";
        String email = i % 11 == 5 ? "not-an-email" : "ops" + i + "@acme.io";
        batch.add(record("k" + i, "{\"Customer_Key__c\":\"k" + i + "\",\"Name\":\"n" + i + "\",\"Status__c\":\""
            + status + "\",\"Support_Email__c\":\"" + email + "\"}"));
      }
      List<RecordOutcome> outcomes = upsert.write(batch);
      assertThat(outcomes).hasSize(60);
      for (int i = 0; i < 60; i++) {
        RecordOutcome outcome = outcomes.get(i);
        if (i % 7 == 3) {
          assertThat(outcome).as("record %d", i).isInstanceOfSatisfying(RecordOutcome.Rejected.class,
              r -> assertThat(r.reason()).isIn(RejectionReason.INVALID_OPTION, RejectionReason.INVALID_VALUE));
        } else if (i % 11 == 5) {
          assertThat(outcome).as("record %d", i).isInstanceOfSatisfying(RecordOutcome.Rejected.class,
              r -> assertThat(r.reason()).isEqualTo(RejectionReason.INVALID_VALUE));
        } else {
          assertThat(outcome).as("record %d", i).isInstanceOf(RecordOutcome.Accepted.class);
        }
      }
      BatchWriter insert = session.writer(plan(session, "Contact", Operation.INSERT, null));
      assertThat(insert.write(List.of(record(null, "{\"FirstName\":\"NoLast\"}"),
          record(null, "{\"LastName\":\"" + "x".repeat(81) + "\"}"))))
          .extracting(o -> ((RecordOutcome.Rejected) o).reason())
          .containsExactly(RejectionReason.MISSING_REQUIRED_FIELD, RejectionReason.VALUE_TOO_LONG);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"bulk", "auto", "collections"})
  void aTextThatIsLiterallyTheBulkNullCellIsKeptAsTextNeverTurnedIntoAClear(String strategy, EmulatorServer server,
      SalesforceEmulator sf) throws Exception {
    try (ApiSession session = open(config(server, strategy))) {
      BatchWriter upsert = session.writer(plan(session, "Contact", Operation.UPSERT, "External_Id__c"));
      List<OutboundRecord> batch = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        batch.add(record("na-" + i, "{\"External_Id__c\":\"na-" + i + "\",\"LastName\":\"L" + i + "\",\"Title\":\""
            + (i % 10 == 4 ? "#N/A" : "Engineer") + "\"}"));
      }

      List<RecordOutcome> outcomes = upsert.write(batch);

      assertThat(outcomes).hasSize(30).allMatch(o -> o instanceof RecordOutcome.Accepted);
      assertThat(sf.records("Contact")).hasSize(30)
          .filteredOn(r -> "#N/A".equals(r.get("Title"))).extracting(r -> r.get("External_Id__c"))
          .containsExactlyInAnyOrder("na-4", "na-14", "na-24");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"bulk", "collections"})
  void anEmailInAnIdFieldIsAnInvalidValueNotAMissingRecord(String strategy, EmulatorServer server) throws Exception {
    try (ApiSession session = open(config(server, strategy))) {
      BatchWriter insert = session.writer(plan(session, "Contact", Operation.INSERT, null));

      List<RecordOutcome> outcomes = insert.write(List.of(
          record(null, "{\"LastName\":\"Lee\",\"AccountId\":\"ann@example.com\"}")));

      assertThat(outcomes).singleElement().isInstanceOfSatisfying(RecordOutcome.Rejected.class,
          r -> assertThat(r.reason()).isEqualTo(RejectionReason.INVALID_VALUE));
    }
  }

  private static Map<String, Object> contact(SalesforceEmulator sf, String id) {
    return sf.records("Contact").stream().filter(r -> id.equals(r.get("Id"))).findFirst().orElseThrow();
  }
}
