package io.activationsuite.sandbox.salesforce;

import static io.activationsuite.sandbox.salesforce.SfHttp.V;
import static io.activationsuite.sandbox.salesforce.SfHttp.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.junit.SandboxTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@SandboxTest(value = "salesforce", properties = "salesforce.bulkProfile=instant")
class SObjectCollectionsHttpTest {
  private static final String COLLECTIONS = V + "/composite/sobjects";

  private static Map<String, Object> contact(Object... fields) {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("attributes", Map.of("type", "Contact"));
    for (int i = 0; i < fields.length; i += 2) {
      record.put((String) fields[i], fields[i + 1]);
    }
    return record;
  }

  private static Map<String, Object> request(boolean allOrNone, List<Map<String, Object>> records) {
    return Map.of("allOrNone", allOrNone, "records", records);
  }

  private static String code(JsonNode result) {
    return result.get("errors").get(0).get("statusCode").asText();
  }

  @Test
  void createReturnsSaveResultsInInputOrderWithPartialFailures(EmulatorServer sf, SalesforceEmulator emulator) {
    HttpResponse<String> response = new SfHttp(sf).login().json("POST", COLLECTIONS, request(false, List.of(
        contact("LastName", "Lee", "Email", "lee@example.com"),
        contact("Email", "missing@example.com"),
        contact("LastName", "Bad", "Email", "not-an-email"),
        contact("LastName", "Ok", "FirstName", "Ann"))));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Sforce-Limit-Info")).isPresent();
    JsonNode results = body(response);
    assertThat(results).hasSize(4);
    assertThat(results.get(0).get("success").asBoolean()).isTrue();
    assertThat(results.get(0).get("id").asText()).hasSize(18).startsWith("003");
    assertThat(results.get(1).get("success").asBoolean()).isFalse();
    assertThat(results.get(1).has("id")).isFalse();
    assertThat(code(results.get(1))).isEqualTo("REQUIRED_FIELD_MISSING");
    assertThat(results.get(1).get("errors").get(0).get("message").asText())
        .isEqualTo("Required fields are missing: [LastName]");
    assertThat(results.get(1).get("errors").get(0).get("fields").get(0).asText()).isEqualTo("LastName");
    assertThat(code(results.get(2))).isEqualTo("INVALID_EMAIL_ADDRESS");
    assertThat(results.get(3).get("success").asBoolean()).isTrue();
    assertThat(emulator.records("Contact")).extracting(r -> r.get("LastName")).containsExactly("Lee", "Ok");
  }

  @Test
  void fieldRulesAreEnforcedWithSalesforceCodes(EmulatorServer sf) {
    Map<String, Object> tooLong = contact("LastName", "x".repeat(81));
    Map<String, Object> readOnly = contact("LastName", "A", "Name", "Full Name");
    Map<String, Object> unknown = contact("LastName", "A", "Shoe_Size__c", 42);
    Map<String, Object> account = new LinkedHashMap<>(Map.of("attributes", Map.of("type", "Account"),
        "Name", "Acme", "Industry", "Mining"));
    Map<String, Object> withId = contact("LastName", "A", "Id", "003000000000001AAA");
    Map<String, Object> noType = new LinkedHashMap<>(Map.of("LastName", "A"));
    Map<String, Object> license = new LinkedHashMap<>(Map.of("attributes", Map.of("type", "UserLicense")));
    Map<String, Object> badRef = contact("LastName", "A", "AccountId", "003000000000001AAA");

    JsonNode results = body(new SfHttp(sf).login().json("POST", COLLECTIONS, request(false,
        List.of(tooLong, readOnly, unknown, account, withId, noType, license, badRef))));

    assertThat(code(results.get(0))).isEqualTo("STRING_TOO_LONG");
    assertThat(code(results.get(1))).isEqualTo("INVALID_FIELD_FOR_INSERT_UPDATE");
    assertThat(code(results.get(2))).isEqualTo("INVALID_FIELD");
    assertThat(code(results.get(3))).isEqualTo("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST");
    assertThat(code(results.get(4))).isEqualTo("INVALID_FIELD");
    assertThat(code(results.get(5))).isEqualTo("INVALID_TYPE");
    assertThat(code(results.get(6))).isEqualTo("INVALID_TYPE");
    assertThat(code(results.get(7))).isEqualTo("MALFORMED_ID");
  }

  @Test
  void valueThatDoesNotDeserializeFailsTheWholeRequest(EmulatorServer sf, SalesforceEmulator emulator) {
    HttpResponse<String> response = new SfHttp(sf).login().json("POST", COLLECTIONS, request(false, List.of(
        contact("LastName", "Fine"),
        contact("LastName", "Bad", "Birthdate", "31/12/1990"))));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(body(response).get(0).get("errorCode").asText()).isEqualTo("JSON_PARSER_ERROR");
    assertThat(emulator.records("Contact")).isEmpty();
  }

  @Test
  void moreThan200RecordsIsRejected(EmulatorServer sf) {
    List<Map<String, Object>> records = new ArrayList<>();
    for (int i = 0; i < 201; i++) {
      records.add(contact("LastName", "N" + i));
    }

    HttpResponse<String> response = new SfHttp(sf).login().json("POST", COLLECTIONS, request(false, records));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(body(response).get(0).get("errorCode").asText()).isEqualTo("EXCEEDED_ID_LIMIT");
  }

  @Test
  void exactly200RecordsAreAccepted(EmulatorServer sf, SalesforceEmulator emulator) {
    List<Map<String, Object>> records = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      records.add(contact("LastName", "N" + i));
    }

    HttpResponse<String> response = new SfHttp(sf).login().json("POST", COLLECTIONS, request(false, records));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(emulator.records("Contact")).hasSize(200);
  }

  @Test
  void malformedBodyIs400(EmulatorServer sf) {
    SfHttp http = new SfHttp(sf).login();
    HttpResponse<String> notJson = http.json("POST", COLLECTIONS, "{not json");
    HttpResponse<String> noRecords = http.json("POST", COLLECTIONS, Map.of("allOrNone", false));

    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(body(notJson).get(0).get("errorCode").asText()).isEqualTo("JSON_PARSER_ERROR");
    assertThat(noRecords.statusCode()).isEqualTo(400);
  }

  @Test
  void allOrNoneRollsBackEveryRecordWhenOneFails(EmulatorServer sf, SalesforceEmulator emulator) {
    JsonNode results = body(new SfHttp(sf).login().json("POST", COLLECTIONS, request(true, List.of(
        contact("LastName", "Good"), contact("Email", "x@example.com")))));

    assertThat(results.get(0).get("success").asBoolean()).isFalse();
    assertThat(code(results.get(0))).isEqualTo("ALL_OR_NONE_OPERATION_ROLLED_BACK");
    assertThat(code(results.get(1))).isEqualTo("REQUIRED_FIELD_MISSING");
    assertThat(emulator.records("Contact")).isEmpty();
  }

  @Test
  void updateChangesFieldsAndReportsUnknownAndDeletedIds(EmulatorServer sf, SalesforceEmulator emulator) {
    SfHttp http = new SfHttp(sf).login();
    JsonNode created = body(http.json("POST", COLLECTIONS, request(false, List.of(
        contact("LastName", "One", "Title", "CEO"), contact("LastName", "Two")))));
    String first = created.get(0).get("id").asText();
    String second = created.get(1).get("id").asText();
    http.delete(COLLECTIONS + "?ids=" + second);

    JsonNode results = body(http.json("PATCH", COLLECTIONS, request(false, List.of(
        contact("id", first, "Title", "CTO", "Phone", null),
        contact("id", second, "Title", "Gone"),
        contact("id", "003000000000000AAA", "Title", "Never"),
        contact("id", "garbage", "Title", "Bad"),
        contact("Title", "No id")))));

    assertThat(results.get(0).get("success").asBoolean()).isTrue();
    assertThat(results.get(0).get("id").asText()).isEqualTo(first);
    assertThat(code(results.get(1))).isEqualTo("ENTITY_IS_DELETED");
    assertThat(code(results.get(2))).isEqualTo("INVALID_CROSS_REFERENCE_KEY");
    assertThat(code(results.get(3))).isEqualTo("MALFORMED_ID");
    assertThat(code(results.get(4))).isEqualTo("MISSING_ARGUMENT");
    assertThat(emulator.records("Contact")).singleElement()
        .satisfies(r -> assertThat(r).containsEntry("Title", "CTO").containsEntry("LastName", "One"));
  }

  @Test
  void upsertByExternalIdReportsCreatedVersusUpdated(EmulatorServer sf, SalesforceEmulator emulator) {
    SfHttp http = new SfHttp(sf).login();
    String upsert = COLLECTIONS + "/Contact/External_Id__c";
    JsonNode first = body(http.json("PATCH", upsert, request(false, List.of(
        contact("External_Id__c", "ext-1", "LastName", "First")))));
    JsonNode second = body(http.json("PATCH", upsert, request(false, List.of(
        contact("External_Id__c", "EXT-1", "LastName", "Renamed"),
        contact("External_Id__c", "ext-2", "LastName", "New"),
        contact("LastName", "No key")))));

    assertThat(first.get(0).get("created").asBoolean()).isTrue();
    assertThat(second.get(0).get("success").asBoolean()).isTrue();
    assertThat(second.get(0).get("created").asBoolean()).isFalse();
    assertThat(second.get(0).get("id").asText()).isEqualTo(first.get(0).get("id").asText());
    assertThat(second.get(1).get("created").asBoolean()).isTrue();
    assertThat(code(second.get(2))).isEqualTo("MISSING_ARGUMENT");
    assertThat(emulator.records("Contact")).extracting(r -> r.get("LastName")).containsExactly("Renamed", "New");
  }

  @Test
  void upsertWithDuplicateKeysInOneRequestFailsThoseRecords(EmulatorServer sf) {
    JsonNode results = body(new SfHttp(sf).login().json("PATCH", COLLECTIONS + "/Contact/External_Id__c",
        request(false, List.of(contact("External_Id__c", "d", "LastName", "A"),
            contact("External_Id__c", "D", "LastName", "B"), contact("External_Id__c", "e", "LastName", "C")))));

    assertThat(code(results.get(0))).isEqualTo("DUPLICATE_VALUE");
    assertThat(code(results.get(1))).isEqualTo("DUPLICATE_VALUE");
    assertThat(results.get(2).get("success").asBoolean()).isTrue();
  }

  @Test
  void upsertOnNonExternalIdFieldIs400(EmulatorServer sf) {
    HttpResponse<String> response = new SfHttp(sf).login().json("PATCH", COLLECTIONS + "/Contact/LastName",
        request(false, List.of(contact("LastName", "A"))));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(body(response).get(0).get("errorCode").asText()).isEqualTo("INVALID_FIELD");
  }

  @Test
  void insertingADuplicateExternalIdIsDuplicateValue(EmulatorServer sf) {
    SfHttp http = new SfHttp(sf).login();
    http.json("POST", COLLECTIONS, request(false, List.of(contact("LastName", "A", "External_Id__c", "k1"))));

    JsonNode results = body(http.json("POST", COLLECTIONS, request(false, List.of(
        contact("LastName", "B", "External_Id__c", "K1")))));

    assertThat(code(results.get(0))).isEqualTo("DUPLICATE_VALUE");
    assertThat(results.get(0).get("errors").get(0).get("message").asText())
        .startsWith("duplicate value found: External_Id__c duplicates value on record with id: 003");
  }

  @Test
  void deleteByIdsHonoursAllOrNone(EmulatorServer sf, SalesforceEmulator emulator) {
    SfHttp http = new SfHttp(sf).login();
    JsonNode created = body(http.json("POST", COLLECTIONS, request(false, List.of(
        contact("LastName", "A"), contact("LastName", "B")))));
    String a = created.get(0).get("id").asText();
    String b = created.get(1).get("id").asText();

    JsonNode rolledBack = body(http.delete(COLLECTIONS + "?allOrNone=true&ids=" + a + ",003000000000000AAA"));
    assertThat(code(rolledBack.get(0))).isEqualTo("ALL_OR_NONE_OPERATION_ROLLED_BACK");
    assertThat(emulator.records("Contact")).hasSize(2);

    JsonNode partial = body(http.delete(COLLECTIONS + "?allOrNone=false&ids=" + a + "," + b + "," + a));
    assertThat(partial.get(0).get("success").asBoolean()).isTrue();
    assertThat(partial.get(1).get("success").asBoolean()).isTrue();
    assertThat(code(partial.get(2))).isEqualTo("ENTITY_IS_DELETED");
    assertThat(emulator.records("Contact")).isEmpty();
  }

  @Test
  void injectedRowLocksAreTransientPerRecordFailures(EmulatorServer sf, SalesforceEmulator emulator) {
    SfHttp http = new SfHttp(sf).login();
    emulator.org().faults().lockNextRecords(1);

    JsonNode first = body(http.json("POST", COLLECTIONS, request(false, List.of(
        contact("LastName", "A"), contact("LastName", "B")))));
    assertThat(code(first.get(0))).isEqualTo("UNABLE_TO_LOCK_ROW");
    assertThat(first.get(1).get("success").asBoolean()).isTrue();

    JsonNode retry = body(http.json("POST", COLLECTIONS, request(false, List.of(contact("LastName", "A")))));
    assertThat(retry.get(0).get("success").asBoolean()).isTrue();
  }

  @Test
  void typedValuesAreStoredAndRetrievable(EmulatorServer sf) {
    SfHttp http = new SfHttp(sf).login();
    Map<String, Object> health = new LinkedHashMap<>();
    health.put("attributes", Map.of("type", "Customer_Health__c"));
    health.put("Customer_Key__c", "c-1");
    health.put("Health_Score__c", 87.5);
    health.put("Seats__c", "12");
    health.put("Active__c", true);
    health.put("Last_Reviewed__c", "2026-01-31");
    health.put("Renewal_At__c", "2026-03-01T09:30:00+02:00");
    health.put("Tags__c", "Champion;Expansion");
    health.put("Status__c", "Green");
    String id = body(http.json("POST", COLLECTIONS, request(false, List.of(health)))).get(0).get("id").asText();

    JsonNode record = body(http.get(V + "/sobjects/Customer_Health__c/" + id));

    assertThat(id).startsWith("a0X");
    assertThat(record.get("Health_Score__c").asDouble()).isEqualTo(87.5);
    assertThat(record.get("Seats__c").asLong()).isEqualTo(12);
    assertThat(record.get("Active__c").asBoolean()).isTrue();
    assertThat(record.get("Last_Reviewed__c").asText()).isEqualTo("2026-01-31");
    assertThat(record.get("Renewal_At__c").asText()).isEqualTo("2026-03-01T07:30:00.000+0000");
    assertThat(record.get("OwnerId").asText()).startsWith("005");
    assertThat(record.get("attributes").get("type").asText()).isEqualTo("Customer_Health__c");
  }

  @Test
  void retrieveReturnsEveryDescribedFieldNullWhereUnsetAndTheCompoundName(EmulatorServer sf) {
    SfHttp http = new SfHttp(sf).login();
    String id = body(http.json("POST", COLLECTIONS, request(false, List.of(
        contact("FirstName", "Ann", "LastName", "Lee"))))).get(0).get("id").asText();
    List<String> described = new ArrayList<>();
    body(http.get(V + "/sobjects/Contact/describe")).get("fields").forEach(f -> described.add(f.get("name").asText()));

    JsonNode record = body(http.get(V + "/sobjects/Contact/" + id));

    List<String> returned = new ArrayList<>();
    record.fieldNames().forEachRemaining(returned::add);
    assertThat(returned).containsAll(described);
    assertThat(record.get("Name").asText()).isEqualTo("Ann Lee");
    assertThat(record.get("Email").isNull()).isTrue();
    assertThat(record.get("Birthdate").isNull()).isTrue();
  }

  @Test
  void concurrentRequestsAllLand(EmulatorServer sf, SalesforceEmulator emulator) throws Exception {
    SfHttp http = new SfHttp(sf).login();
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      List<Future<HttpResponse<String>>> futures = new ArrayList<>();
      for (int t = 0; t < 16; t++) {
        int batch = t;
        futures.add(pool.submit(() -> {
          List<Map<String, Object>> records = new ArrayList<>();
          for (int i = 0; i < 50; i++) {
            records.add(contact("LastName", "L", "External_Id__c", batch + "-" + i));
          }
          return http.json("PATCH", COLLECTIONS + "/Contact/External_Id__c", request(false, records));
        }));
      }
      for (Future<HttpResponse<String>> f : futures) {
        assertThat(f.get().statusCode()).isEqualTo(200);
      }
    }
    assertThat(emulator.records("Contact")).hasSize(800);
    assertThat(emulator.records("Contact")).extracting(r -> r.get("Id")).doesNotHaveDuplicates();
  }
}
