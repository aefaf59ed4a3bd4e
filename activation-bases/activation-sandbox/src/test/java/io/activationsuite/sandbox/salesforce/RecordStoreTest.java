package io.activationsuite.sandbox.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordStoreTest {
  private final SchemaCatalog schema = SchemaCatalog.standard();
  private final RecordStore store = new RecordStore(schema, new SalesforceIds(),
      Clock.fixed(Instant.parse("2026-02-01T12:00:00Z"), ZoneOffset.UTC));
  private final ObjectDescriptor lead = schema.find("Lead").orElseThrow();
  private final ObjectDescriptor health = schema.find("Customer_Health__c").orElseThrow();

  private Map<FieldDescriptor, Object> values(ObjectDescriptor object, Object... pairs) {
    Map<FieldDescriptor, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      values.put(object.field((String) pairs[i]).orElseThrow(), pairs[i + 1]);
    }
    return values;
  }

  @Test
  void insertFillsSystemFieldsAndDefaults() {
    SaveResult result = store.atomically(tx -> tx.insert(lead, values(lead, "LastName", "Lee", "Company", "Acme")));

    assertThat(result.success()).isTrue();
    assertThat(result.id()).startsWith("00Q");
    Map<String, Object> record = store.find(result.id()).orElseThrow();
    assertThat(record).containsEntry("Status", "Open - Not Contacted")
        .containsEntry("CreatedDate", "2026-02-01T12:00:00.000+0000")
        .containsEntry("OwnerId", RecordStore.INTEGRATION_USER_ID).containsEntry("IsDeleted", false);
  }

  @Test
  void requiredFieldsAreListedTogether() {
    SaveResult result = store.atomically(tx -> tx.insert(lead, values(lead, "FirstName", "A")));

    assertThat(result.errors()).singleElement().satisfies(e -> {
      assertThat(e.statusCode()).isEqualTo(StatusCode.REQUIRED_FIELD_MISSING);
      assertThat(e.fields()).containsExactly("LastName", "Company");
      assertThat(e.toBulkCell()).isEqualTo(
          "REQUIRED_FIELD_MISSING:Required fields are missing: [LastName, Company]:LastName,Company --");
    });
  }

  @Test
  void clearingARequiredFieldOnUpdateFails() {
    String id = store.atomically(tx -> tx.insert(lead, values(lead, "LastName", "Lee", "Company", "Acme"))).id();

    SaveResult result = store.atomically(tx -> tx.update(lead, id, values(lead, "Company", null)));

    assertThat(result.errors()).extracting(SaveError::statusCode).containsExactly(StatusCode.REQUIRED_FIELD_MISSING);
  }

  @Test
  void restrictedPicklistsAndMultipicklistsAreChecked() {
    SaveResult bad = store.atomically(tx -> tx.insert(health, values(health, "Tags__c", "Champion;Unknown")));
    SaveResult ok = store.atomically(tx -> tx.insert(health, values(health, "Tags__c", "Champion;At Risk",
        "Status__c", "Red", "Health_Score__c", new BigDecimal("1.5"), "Last_Reviewed__c", LocalDate.of(2026, 1, 1))));

    assertThat(bad.errors()).extracting(SaveError::statusCode)
        .containsExactly(StatusCode.INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST);
    assertThat(ok.success()).isTrue();
  }

  @Test
  void externalIdsAreUniqueCaseInsensitivelyAndFreedOnDelete() {
    String first = store.atomically(tx -> tx.insert(health, values(health, "Customer_Key__c", "K-1"))).id();
    SaveResult duplicate = store.atomically(tx -> tx.insert(health, values(health, "Customer_Key__c", "k-1")));
    assertThat(duplicate.errors()).extracting(SaveError::statusCode).containsExactly(StatusCode.DUPLICATE_VALUE);

    store.atomically(tx -> tx.delete(first));
    assertThat(store.atomically(tx -> tx.insert(health, values(health, "Customer_Key__c", "k-1"))).success())
        .isTrue();
  }

  @Test
  void upsertUpdatesTheMatchAndReportsCreated() {
    FieldDescriptor key = health.field("Customer_Key__c").orElseThrow();
    SaveResult created = store.atomically(tx -> tx.upsert(health, key, values(health, "Customer_Key__c", "u",
        "Seats__c", 1L)));
    SaveResult updated = store.atomically(tx -> tx.upsert(health, key, values(health, "Customer_Key__c", "U",
        "Seats__c", 2L)));

    assertThat(created.created()).isTrue();
    assertThat(updated.created()).isFalse();
    assertThat(updated.id()).isEqualTo(created.id());
    assertThat(store.records("Customer_Health__c")).singleElement()
        .satisfies(r -> assertThat(r).containsEntry("Seats__c", 2L).containsEntry("Customer_Key__c", "U"));
  }

  @Test
  void rollbackRestoresRecordsIndexesAndDeletions() {
    String kept = store.atomically(tx -> tx.insert(health, values(health, "Customer_Key__c", "a", "Seats__c", 1L)))
        .id();

    store.atomically(tx -> {
      tx.update(health, kept, values(health, "Customer_Key__c", "b", "Seats__c", 9L));
      tx.insert(health, values(health, "Customer_Key__c", "c"));
      tx.delete(kept);
      tx.rollback();
      return null;
    });

    assertThat(store.records("Customer_Health__c")).singleElement()
        .satisfies(r -> assertThat(r).containsEntry("Customer_Key__c", "a").containsEntry("Seats__c", 1L));
    assertThat(store.atomically(tx -> tx.insert(health, values(health, "Customer_Key__c", "A"))).success()).isFalse();
    assertThat(store.atomically(tx -> tx.insert(health, values(health, "Customer_Key__c", "b"))).success()).isTrue();
  }

  @Test
  void referencesMustPointToExistingRecordsOfTheRightObject() {
    ObjectDescriptor contact = schema.find("Contact").orElseThrow();
    ObjectDescriptor account = schema.find("Account").orElseThrow();
    String accountId = store.atomically(tx -> tx.insert(account, values(account, "Name", "Acme"))).id();

    assertThat(store.atomically(tx -> tx.insert(contact, values(contact, "LastName", "A", "AccountId",
        accountId))).success()).isTrue();
    assertThat(store.atomically(tx -> tx.insert(contact, values(contact, "LastName", "A", "AccountId",
        "001000000000000AAA"))).errors()).extracting(SaveError::statusCode)
        .containsExactly(StatusCode.INVALID_CROSS_REFERENCE_KEY);
  }

  @Test
  void readOnlyObjectsCannotBeDeletedAndUnknownObjectsAreRejected() {
    assertThat(schema.find("UserLicense").orElseThrow().createable()).isFalse();
    assertThatThrownBy(() -> new ObjectDescriptor("X", "X", "X", "1234", false, true, true, true, true,
        java.util.List.of())).isInstanceOf(IllegalArgumentException.class);
  }
}
