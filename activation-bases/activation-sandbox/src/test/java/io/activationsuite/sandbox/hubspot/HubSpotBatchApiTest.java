package io.activationsuite.sandbox.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.TestHttp;
import io.activationsuite.sandbox.junit.SandboxTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@SandboxTest(value = "hubspot", manualClock = true)
class HubSpotBatchApiTest {

  private static final String TOKEN = HubSpotSettings.DEFAULT_PRIVATE_APP_TOKEN;

  private final EmulatorServer hubspot;

  HubSpotBatchApiTest(EmulatorServer hubspot) {
    this.hubspot = hubspot;
  }

  private HttpResponse<String> post(String type, String op, String body) {
    return TestHttp.post(hubspot.url("/crm/v3/objects/" + type + "/batch/" + op), TOKEN, body);
  }

  private String createContact(String email) {
    HttpResponse<String> r = post("contacts", "create",
        "{\"inputs\":[{\"properties\":{\"email\":\"" + email + "\"}}]}");
    assertThat(r.statusCode()).isEqualTo(201);
    return TestHttp.json(r).at("/results/0/id").asText();
  }

  @Test
  void givenValidInputs_whenBatchCreate_then201WithNormalisedStringProperties() {
    HttpResponse<String> r = post("contacts", "create", """
        {"inputs":[{"properties":{"email":"Ana@Example.com","firstname":"Ana","lifecyclestage":"customer",
          "signup_date":"1705276800000","last_purchase_at":"1705312800123","lifetime_value":"17.50",
          "is_vip":true,"interests":"crm;analytics"},"associations":[]}]}""");

    assertThat(r.statusCode()).isEqualTo(201);
    JsonNode body = TestHttp.json(r);
    assertThat(body.path("status").asText()).isEqualTo("COMPLETE");
    assertThat(body.has("errors")).isFalse();
    assertThat(body.path("startedAt").asText()).isEqualTo("2026-01-15T10:00:00.000Z");
    JsonNode record = body.at("/results/0");
    assertThat(record.path("id").asText()).matches("\\d+");
    assertThat(record.path("archived").asBoolean()).isFalse();
    JsonNode props = record.path("properties");
    assertThat(props.path("email").asText()).isEqualTo("ana@example.com");
    assertThat(props.path("signup_date").asText()).isEqualTo("2024-01-15");
    assertThat(props.path("last_purchase_at").asText()).isEqualTo("2024-01-15T10:00:00.123Z");
    assertThat(props.path("lifetime_value").asText()).isEqualTo("17.5");
    assertThat(props.path("is_vip").asText()).isEqualTo("true");
    assertThat(props.path("interests").asText()).isEqualTo("crm;analytics");
    assertThat(props.path("hs_object_id").asText()).isEqualTo(record.path("id").asText());
    assertThat(props.path("createdate").asText()).isEqualTo("2026-01-15T10:00:00.000Z");
    assertThat(hubspot.objects("contacts")).hasSize(1);
  }

  @Test
  void givenInvalidInputsWithTraceIds_whenBatchCreate_then207WithPerInputErrorsAndValidRowsCreated() {
    createContact("taken@x.com");
    HttpResponse<String> r = post("contacts", "create", """
        {"inputs":[
          {"objectWriteTraceId":"ok","properties":{"email":"fine@x.com"}},
          {"objectWriteTraceId":"unknown","properties":{"shoe_size":"42"}},
          {"objectWriteTraceId":"readonly","properties":{"hs_object_id":"5"}},
          {"objectWriteTraceId":"email","properties":{"email":"not-an-email"}},
          {"objectWriteTraceId":"option","properties":{"lifecyclestage":"alien"}},
          {"objectWriteTraceId":"date","properties":{"signup_date":"1705312800000"}},
          {"objectWriteTraceId":"number","properties":{"lifetime_value":"lots"}},
          {"objectWriteTraceId":"bool","properties":{"is_vip":"yes"}},
          {"objectWriteTraceId":"conflict","properties":{"email":"TAKEN@x.com"}}]}""");

    assertThat(r.statusCode()).isEqualTo(207);
    JsonNode body = TestHttp.json(r);
    assertThat(body.path("numErrors").asInt()).isEqualTo(8);
    assertThat(body.path("results")).hasSize(1);
    assertThat(body.at("/results/0/objectWriteTraceId").asText()).isEqualTo("ok");
    List<String> codes = new ArrayList<>();
    for (JsonNode error : body.path("errors")) {
      assertThat(error.path("status").asText()).isEqualTo("error");
      assertThat(error.has("links")).isTrue();
      String trace = error.at("/context/objectWriteTraceId/0").asText();
      String code = error.at("/errors/0/code").asText(error.path("category").asText());
      codes.add(trace + "=" + code);
    }
    assertThat(codes).containsExactly("unknown=PROPERTY_DOESNT_EXIST", "readonly=READ_ONLY_VALUE",
        "email=INVALID_EMAIL", "option=INVALID_OPTION", "date=INVALID_DATE", "number=INVALID_DECIMAL",
        "bool=INVALID_BOOLEAN", "conflict=CONFLICT");
    JsonNode dateError = body.path("errors").get(4);
    assertThat(dateError.path("category").asText()).isEqualTo("VALIDATION_ERROR");
    assertThat(dateError.path("message").asText()).startsWith("Property values were not valid: ")
        .contains("not midnight");
    assertThat(body.path("errors").get(7).path("message").asText())
        .matches("Contact already exists. Existing ID: \\d+");
    assertThat(hubspot.objects("contacts")).hasSize(2);
  }

  @Test
  void givenInvalidInputWithoutTraceIds_whenBatchCreate_then400AndNothingCreated() {
    HttpResponse<String> r = post("contacts", "create",
        "{\"inputs\":[{\"properties\":{\"email\":\"a@x.com\"}},{\"properties\":{\"lifecyclestage\":\"alien\"}}]}");

    assertThat(r.statusCode()).isEqualTo(400);
    JsonNode body = TestHttp.json(r);
    assertThat(body.path("category").asText()).isEqualTo("VALIDATION_ERROR");
    assertThat(body.path("message").asText()).contains("INVALID_OPTION");
    assertThat(body.path("correlationId").asText()).isNotBlank();
    assertThat(hubspot.objects("contacts")).isEmpty();
  }

  @Test
  void givenExistingEmail_whenBatchCreateWithoutTraceIds_then409Conflict() {
    String id = createContact("dup@x.com");

    HttpResponse<String> r = post("contacts", "create", "{\"inputs\":[{\"properties\":{\"email\":\"dup@x.com\"}}]}");

    assertThat(r.statusCode()).isEqualTo(409);
    assertThat(TestHttp.json(r).path("category").asText()).isEqualTo("CONFLICT");
    assertThat(TestHttp.json(r).path("message").asText()).isEqualTo("Contact already exists. Existing ID: " + id);
  }

  @Test
  void givenMoreThan100Inputs_whenAnyBatchCall_then400ValidationError() {
    String inputs = IntStream.range(0, 101).mapToObj(i -> "{\"properties\":{}}").collect(Collectors.joining(","));

    HttpResponse<String> r = post("contacts", "create", "{\"inputs\":[" + inputs + "]}");

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(TestHttp.json(r).path("category").asText()).isEqualTo("VALIDATION_ERROR");
    assertThat(TestHttp.json(r).path("message").asText()).contains("101").contains("100");
  }

  @Test
  void givenMalformedBodies_then400() {
    assertThat(post("contacts", "create", "{not json").statusCode()).isEqualTo(400);
    assertThat(post("contacts", "create", "{\"records\":[]}").statusCode()).isEqualTo(400);
    assertThat(post("contacts", "update", "{\"inputs\":[{\"properties\":{}}]}").statusCode()).isEqualTo(400);
  }

  @Test
  void givenKnownAndUnknownIds_whenBatchUpdate_then207WithNotFoundIdsAndUpdatedRows() {
    String id = createContact("u@x.com");

    HttpResponse<String> r = post("contacts", "update", "{\"inputs\":[{\"id\":\"" + id
        + "\",\"properties\":{\"firstname\":\"Uma\",\"email\":\"\"}},{\"id\":\"999999\",\"properties\":{}}]}");

    assertThat(r.statusCode()).isEqualTo(207);
    JsonNode body = TestHttp.json(r);
    assertThat(body.at("/results/0/properties/firstname").asText()).isEqualTo("Uma");
    assertThat(body.at("/results/0/properties").has("email")).isFalse();
    assertThat(body.at("/errors/0/category").asText()).isEqualTo("OBJECT_NOT_FOUND");
    assertThat(body.at("/errors/0/context/ids/0").asText()).isEqualTo("999999");
  }

  @Test
  void givenAllValid_whenBatchUpdateByUniqueProperty_then200() {
    createContact("by-email@x.com");

    HttpResponse<String> r = post("contacts", "update", "{\"inputs\":[{\"id\":\"BY-EMAIL@x.com\",\"idProperty\":"
        + "\"email\",\"properties\":{\"lastname\":\"Lee\"}}]}");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(hubspot.objects("contacts").at("/0/properties/lastname").asText()).isEqualTo("Lee");
  }

  @Test
  void givenInvalidValueOnUpdate_then207WithIdsContext() {
    String id = createContact("v@x.com");

    HttpResponse<String> r = post("contacts", "update", "{\"inputs\":[{\"id\":\"" + id
        + "\",\"objectWriteTraceId\":\"t1\",\"properties\":{\"signup_date\":\"2024-13-45\"}}]}");

    assertThat(r.statusCode()).isEqualTo(207);
    JsonNode error = TestHttp.json(r).at("/errors/0");
    assertThat(error.path("category").asText()).isEqualTo("VALIDATION_ERROR");
    assertThat(error.at("/context/ids/0").asText()).isEqualTo(id);
    assertThat(error.at("/context/objectWriteTraceId/0").asText()).isEqualTo("t1");
  }

  @Test
  void givenDuplicateIds_whenBatchUpdateOrUpsert_then400DuplicateIds() {
    HttpResponse<String> update = post("contacts", "update",
        "{\"inputs\":[{\"id\":\"1\",\"properties\":{}},{\"id\":\"1\",\"properties\":{}}]}");
    HttpResponse<String> upsert = post("contacts", "upsert", "{\"inputs\":["
        + "{\"id\":\"a@x.com\",\"idProperty\":\"email\",\"properties\":{}},"
        + "{\"id\":\"A@X.com\",\"idProperty\":\"email\",\"properties\":{}}]}");

    assertThat(update.statusCode()).isEqualTo(400);
    assertThat(TestHttp.json(update).path("message").asText())
        .isEqualTo("Duplicate IDs found in batch input: [1]. IDs must be unique");
    assertThat(upsert.statusCode()).isEqualTo(400);
    assertThat(TestHttp.json(upsert).at("/context/ids/0").asText()).isEqualTo("A@X.com");
  }

  @Test
  void givenNewAndExistingKeys_whenBatchUpsert_thenCreatesAndUpdatesWithNewFlag() {
    String existing = createContact("old@x.com");

    HttpResponse<String> r = post("contacts", "upsert", "{\"inputs\":["
        + "{\"id\":\"old@x.com\",\"idProperty\":\"email\",\"properties\":{\"firstname\":\"Old\"}},"
        + "{\"id\":\"new@x.com\",\"idProperty\":\"email\",\"properties\":{\"firstname\":\"New\"}}]}");

    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode results = TestHttp.json(r).path("results");
    assertThat(results.get(0).path("id").asText()).isEqualTo(existing);
    assertThat(results.get(0).path("new").asBoolean()).isFalse();
    assertThat(results.get(1).path("new").asBoolean()).isTrue();
    assertThat(results.get(1).at("/properties/email").asText()).isEqualTo("new@x.com");
    assertThat(hubspot.objects("contacts")).hasSize(2);
  }

  @Test
  void givenNonUniqueIdProperty_whenUpsert_then400() {
    HttpResponse<String> r = post("companies", "upsert",
        "{\"inputs\":[{\"id\":\"acme.com\",\"idProperty\":\"domain\",\"properties\":{}}]}");

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(TestHttp.json(r).path("message").asText()).contains("domain").contains("not a unique property");
  }

  @Test
  void givenArchivedRecords_whenBatchRead_thenOnlyFoundWithArchivedTrue() {
    String id = createContact("gone@x.com");

    HttpResponse<String> archive = post("contacts", "archive", "{\"inputs\":[{\"id\":\"" + id + "\"}]}");
    assertThat(archive.statusCode()).isEqualTo(204);
    assertThat(archive.body()).isEmpty();

    HttpResponse<String> read = post("contacts", "read", "{\"inputs\":[{\"id\":\"" + id + "\"}],\"properties\":[]}");
    assertThat(read.statusCode()).isEqualTo(207);
    assertThat(TestHttp.json(read).at("/errors/0/category").asText()).isEqualTo("OBJECT_NOT_FOUND");

    HttpResponse<String> archived = TestHttp.post(hubspot.url("/crm/v3/objects/contacts/batch/read?archived=true"),
        TOKEN, "{\"inputs\":[{\"id\":\"" + id + "\"}],\"properties\":[\"email\"]}");
    assertThat(archived.statusCode()).isEqualTo(200);
    assertThat(TestHttp.json(archived).at("/results/0/archived").asBoolean()).isTrue();
    assertThat(TestHttp.json(archived).at("/results/0/properties/email").asText()).isEqualTo("gone@x.com");
    assertThat(createContact("gone@x.com")).isNotEqualTo(id);
  }

  @Test
  void givenIdProperty_whenBatchRead_thenReturnsRequestedPropertiesOnly() {
    post("contacts", "create", "{\"inputs\":[{\"properties\":{\"email\":\"r@x.com\",\"firstname\":\"R\","
        + "\"lastname\":\"S\"}}]}");

    HttpResponse<String> r = post("contacts", "read", "{\"idProperty\":\"email\",\"inputs\":[{\"id\":\"r@x.com\"}],"
        + "\"properties\":[\"firstname\"],\"propertiesWithHistory\":[]}");

    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode props = TestHttp.json(r).at("/results/0/properties");
    assertThat(props.path("firstname").asText()).isEqualTo("R");
    assertThat(props.has("lastname")).isFalse();
    assertThat(props.has("hs_object_id")).isTrue();
  }

  @Test
  void givenObjectTypeAliases_whenWriting_thenAllResolveToTheSameType() {
    for (String type : List.of("p_subscriptions", "2-1234567", "subscriptions")) {
      HttpResponse<String> r = post(type, "upsert", "{\"inputs\":[{\"id\":\"sub-1\",\"idProperty\":"
          + "\"subscription_id\",\"properties\":{\"plan\":\"pro\",\"seats\":\"3\",\"auto_renew\":\"false\"}}]}");
      assertThat(r.statusCode()).as(type).isEqualTo(200);
    }
    assertThat(hubspot.objects("p_subscriptions")).hasSize(1);
    assertThat(post("0-1", "create", "{\"inputs\":[{\"properties\":{\"email\":\"z@x.com\"}}]}").statusCode())
        .isEqualTo(201);
    assertThat(hubspot.objects("contacts")).hasSize(1);
    HttpResponse<String> unknown = post("widgets", "create", "{\"inputs\":[]}");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(TestHttp.json(unknown).path("message").asText()).isEqualTo("Unable to infer object type from: widgets");
  }

  @Test
  void givenConcurrentUpsertsOfTheSameKeys_thenEachKeyIsStoredOnce() throws Exception {
    List<Callable<Integer>> calls = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      calls.add(() -> post("contacts", "upsert", "{\"inputs\":[" + IntStream.range(0, 20)
          .mapToObj(i -> "{\"id\":\"user" + i + "@x.com\",\"idProperty\":\"email\",\"properties\":{}}")
          .collect(Collectors.joining(",")) + "]}").statusCode());
    }
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      for (Future<Integer> status : pool.invokeAll(calls)) {
        assertThat(status.get()).isEqualTo(200);
      }
    }
    assertThat(hubspot.objects("contacts")).hasSize(20);
  }
}
