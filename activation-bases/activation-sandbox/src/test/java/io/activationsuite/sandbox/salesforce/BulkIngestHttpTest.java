package io.activationsuite.sandbox.salesforce;

import static io.activationsuite.sandbox.salesforce.SfHttp.V;
import static io.activationsuite.sandbox.salesforce.SfHttp.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.junit.SandboxTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@SandboxTest(value = "salesforce", properties = "salesforce.bulkProfile=instant")
class BulkIngestHttpTest {
  private static final String JOBS = V + "/jobs/ingest";

  private static String createJob(SfHttp http, Map<String, Object> definition) {
    HttpResponse<String> response = http.json("POST", JOBS, definition);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return body(response).get("id").asText();
  }

  private static JsonNode runJob(SfHttp http, Map<String, Object> definition, String csv) {
    String id = createJob(http, definition);
    assertThat(http.csv(JOBS + "/" + id + "/batches", csv).statusCode()).isEqualTo(201);
    assertThat(http.json("PATCH", JOBS + "/" + id, Map.of("state", "UploadComplete")).statusCode()).isEqualTo(200);
    return http.awaitJob(id, j -> List.of("JobComplete", "Failed", "Aborted").contains(j.get("state").asText()));
  }

  /** Parses a result CSV into rows keyed by header name. */
  private static List<Map<String, String>> rows(String csv) throws CsvFormatException {
    List<List<String>> table = CsvReader.parse(csv, ',');
    List<Map<String, String>> rows = new ArrayList<>();
    for (List<String> row : table.subList(1, table.size())) {
      Map<String, String> map = new HashMap<>();
      for (int i = 0; i < row.size(); i++) {
        map.put(table.get(0).get(i), row.get(i));
      }
      rows.add(map);
    }
    return rows;
  }

  private static Map<String, Map<String, String>> byKey(List<Map<String, String>> rows, String key) {
    Map<String, Map<String, String>> map = new HashMap<>();
    rows.forEach(r -> map.put(r.get(key), r));
    return map;
  }

  @Test
  void createdJobHasDocumentedShape(EmulatorServer sf) {
    HttpResponse<String> response = new SfHttp(sf).login().json("POST", JOBS, Map.of("object", "Contact",
        "operation", "upsert", "externalIdFieldName", "External_Id__c", "contentType", "CSV", "lineEnding", "LF"));

    JsonNode job = body(response);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(job.get("id").asText()).startsWith("750").hasSize(18);
    assertThat(job.get("state").asText()).isEqualTo("Open");
    assertThat(job.get("object").asText()).isEqualTo("Contact");
    assertThat(job.get("operation").asText()).isEqualTo("upsert");
    assertThat(job.get("externalIdFieldName").asText()).isEqualTo("External_Id__c");
    assertThat(job.get("apiVersion").asDouble()).isEqualTo(62.0);
    assertThat(job.get("contentUrl").asText())
        .isEqualTo("services/data/v62.0/jobs/ingest/" + job.get("id").asText() + "/batches");
    assertThat(job.get("columnDelimiter").asText()).isEqualTo("COMMA");
    assertThat(job.get("concurrencyMode").asText()).isEqualTo("Parallel");
    assertThat(response.headers().firstValue("Sforce-Limit-Info")).isPresent();
  }

  @Test
  void invalidJobDefinitionsAre400(EmulatorServer sf) {
    SfHttp http = new SfHttp(sf).login();
    HttpResponse<String> noKey = http.json("POST", JOBS, Map.of("object", "Contact", "operation", "upsert"));
    HttpResponse<String> badOp = http.json("POST", JOBS, Map.of("object", "Contact", "operation", "merge"));
    HttpResponse<String> badObject = http.json("POST", JOBS, Map.of("object", "Nope", "operation", "insert"));
    HttpResponse<String> readOnly = http.json("POST", JOBS, Map.of("object", "UserLicense", "operation", "insert"));

    assertThat(List.of(noKey, badOp, badObject, readOnly)).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(400));
    assertThat(body(badObject).get(0).get("errorCode").asText()).isEqualTo("INVALIDENTITY");
  }

  @Test
  void insertJobCompletesWithShuffledResultsJoinableByKey(EmulatorServer sf, SalesforceEmulator emulator)
      throws Exception {
    SfHttp http = new SfHttp(sf).login();
    StringBuilder csv = new StringBuilder("LastName,Email,External_Id__c\n");
    for (int i = 0; i < 300; i++) {
      csv.append("Name").append(i).append(",").append(i % 50 == 7 ? "broken" : "p" + i + "@example.com")
          .append(",k").append(i).append("\n");
    }

    JsonNode job = runJob(http, Map.of("object", "Contact", "operation", "insert"), csv.toString());

    assertThat(job.get("state").asText()).isEqualTo("JobComplete");
    assertThat(job.get("numberRecordsProcessed").asInt()).isEqualTo(300);
    assertThat(job.get("numberRecordsFailed").asInt()).isEqualTo(6);
    String id = job.get("id").asText();
    HttpResponse<String> success = http.get(JOBS + "/" + id + "/successfulResults/");
    assertThat(success.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v)
        .startsWith("text/csv"));
    assertThat(success.body()).startsWith("\"sf__Id\",\"sf__Created\",LastName,Email,External_Id__c\n");
    List<Map<String, String>> ok = rows(success.body());
    assertThat(ok).hasSize(294);
    assertThat(ok).extracting(r -> r.get("External_Id__c")).isNotEqualTo(
        ok.stream().map(r -> r.get("External_Id__c")).sorted((a, b) ->
            Integer.compare(Integer.parseInt(a.substring(1)), Integer.parseInt(b.substring(1)))).toList());
    Map<String, Map<String, String>> okByKey = byKey(ok, "External_Id__c");
    assertThat(okByKey.get("k0").get("sf__Created")).isEqualTo("true");
    assertThat(okByKey.get("k0").get("sf__Id")).startsWith("003");

    String failedCsv = http.get(JOBS + "/" + id + "/failedResults/").body();
    assertThat(failedCsv).startsWith("\"sf__Id\",\"sf__Error\",LastName,Email,External_Id__c\n");
    Map<String, Map<String, String>> failed = byKey(rows(failedCsv), "External_Id__c");
    assertThat(failed).containsOnlyKeys("k7", "k57", "k107", "k157", "k207", "k257");
    assertThat(failed.get("k7").get("sf__Error")).isEqualTo("INVALID_EMAIL_ADDRESS:Email: invalid email address: "
        + "broken:Email --");
    assertThat(emulator.records("Contact")).hasSize(294);
  }

  @Test
  void csvEdgeCasesAreParsedLikeRfc4180(EmulatorServer sf, SalesforceEmulator emulator) {
    SfHttp http = new SfHttp(sf).login();
    String csv = "External_Id__c,LastName,Title,FirstName\r\n"
        + "q1,\"Smith, Jr.\",\"He said \"\"hi\"\"\",Zoë\r\n"
        + "q2,\"Multi\r\nLine\",,\"名前\"\r\n";

    JsonNode job = runJob(http, Map.of("object", "Contact", "operation", "upsert", "externalIdFieldName",
        "External_Id__c", "lineEnding", "CRLF"), csv);

    assertThat(job.get("state").asText()).isEqualTo("JobComplete");
    assertThat(job.get("numberRecordsFailed").asInt()).isZero();
    Map<Object, Map<String, Object>> byKey = new HashMap<>();
    emulator.records("Contact").forEach(r -> byKey.put(r.get("External_Id__c"), r));
    assertThat(byKey.get("q1")).containsEntry("LastName", "Smith, Jr.").containsEntry("Title", "He said \"hi\"")
        .containsEntry("FirstName", "Zoë");
    assertThat(byKey.get("q2")).containsEntry("LastName", "Multi\r\nLine").containsEntry("FirstName", "名前")
        .doesNotContainKey("Title");
  }

  @Test
  void emptyCellKeepsValueOnUpdateAndNaMarkerClearsIt(EmulatorServer sf, SalesforceEmulator emulator) {
    SfHttp http = new SfHttp(sf).login();
    runJob(http, Map.of("object", "Contact", "operation", "insert"),
        "LastName,Title,Phone,External_Id__c\nKeep,Boss,123,u1\n");
    String id = emulator.records("Contact").get(0).get("Id").toString();

    JsonNode job = runJob(http, Map.of("object", "Contact", "operation", "update"),
        "Id,Title,Phone\n" + id + ",,#N/A\n");

    assertThat(job.get("state").asText()).isEqualTo("JobComplete");
    assertThat(emulator.records("Contact").get(0)).containsEntry("Title", "Boss").doesNotContainKey("Phone");
  }

  @Test
  void upsertJobReportsCreatedAndUpdatedAndDuplicateKeys(EmulatorServer sf, SalesforceEmulator emulator)
      throws Exception {
    SfHttp http = new SfHttp(sf).login();
    Map<String, Object> upsert = Map.of("object", "Contact", "operation", "upsert",
        "externalIdFieldName", "External_Id__c");
    runJob(http, upsert, "External_Id__c,LastName\ne1,Old\n");

    JsonNode job = runJob(http, upsert, "External_Id__c,LastName\ne1,Updated\ne2,New\ne3,Dup\nE3,Dup2\n");

    Map<String, Map<String, String>> ok = byKey(rows(http.get(JOBS + "/" + job.get("id").asText()
        + "/successfulResults").body()), "External_Id__c");
    assertThat(ok.get("e1").get("sf__Created")).isEqualTo("false");
    assertThat(ok.get("e2").get("sf__Created")).isEqualTo("true");
    List<Map<String, String>> failed = rows(http.get(JOBS + "/" + job.get("id").asText() + "/failedResults").body());
    assertThat(failed).hasSize(2).allSatisfy(r -> assertThat(r.get("sf__Error")).startsWith("DUPLICATE_VALUE:"));
    assertThat(emulator.records("Contact")).extracting(r -> r.get("LastName")).containsExactlyInAnyOrder(
        "Updated", "New");
  }

  @Test
  void rowErrorsUseBulkErrorFormat(EmulatorServer sf) throws Exception {
    SfHttp http = new SfHttp(sf).login();
    JsonNode job = runJob(http, Map.of("object", "Contact", "operation", "insert"),
        "External_Id__c,LastName,Birthdate\nr1,,1990-01-01\nr2,Ok,not-a-date\n");

    Map<String, Map<String, String>> failed = byKey(rows(http.get(JOBS + "/" + job.get("id").asText()
        + "/failedResults").body()), "External_Id__c");
    assertThat(failed.get("r1").get("sf__Error"))
        .isEqualTo("REQUIRED_FIELD_MISSING:Required fields are missing: [LastName]:LastName --");
    assertThat(failed.get("r2").get("sf__Error")).startsWith("INVALID_FIELD:Failed to deserialize field at col 3.")
        .contains("xsd:date");
  }

  @Test
  void unknownColumnFailsTheWholeJob(EmulatorServer sf) {
    SfHttp http = new SfHttp(sf).login();
    JsonNode job = runJob(http, Map.of("object", "Contact", "operation", "insert"), "LastName,Shoe__c\nA,1\n");

    assertThat(job.get("state").asText()).isEqualTo("Failed");
    assertThat(job.get("errorMessage").asText()).isEqualTo("InvalidBatch : Field name not found : Shoe__c");
    assertThat(http.get(JOBS + "/" + job.get("id").asText() + "/unprocessedrecords").body())
        .isEqualTo("LastName,Shoe__c\nA,1\n");
  }

  @Test
  void wrongLineEndingFailsTheJob(EmulatorServer sf) {
    JsonNode job = runJob(new SfHttp(sf).login(), Map.of("object", "Contact", "operation", "insert"),
        "LastName\r\nA\r\n");

    assertThat(job.get("state").asText()).isEqualTo("Failed");
    assertThat(job.get("errorMessage").asText()).contains("LineEnding is invalid");
  }

  @Test
  void uploadRulesOnePutWhileOpenAndSizeLimit(EmulatorServer sf, SalesforceEmulator emulator) {
    SfHttp http = new SfHttp(sf).login();
    String id = createJob(http, Map.of("object", "Contact", "operation", "insert"));
    assertThat(http.csv(JOBS + "/" + id + "/batches", "LastName\nA\n").statusCode()).isEqualTo(201);
    HttpResponse<String> second = http.csv(JOBS + "/" + id + "/batches", "LastName\nB\n");
    assertThat(second.statusCode()).isEqualTo(400);
    assertThat(body(second).get(0).get("errorCode").asText()).isEqualTo("BULK_API_ERROR");
    http.json("PATCH", JOBS + "/" + id, Map.of("state", "UploadComplete"));
    assertThat(http.csv(JOBS + "/" + id + "/batches", "LastName\nC\n").statusCode()).isEqualTo(409);

    emulator.org().bulk().maxUploadBytes(10);
    String big = createJob(http, Map.of("object", "Contact", "operation", "insert"));
    assertThat(http.csv(JOBS + "/" + big + "/batches", "LastName\nLongerThanTen\n").statusCode()).isEqualTo(413);
  }

  @Test
  void jobStateMovesAsynchronouslyChunkByChunk(EmulatorServer sf, SalesforceEmulator emulator) {
    emulator.org().bulk().profile(new BulkProcessingProfile(Duration.ofMillis(200), 40, 5));
    SfHttp http = new SfHttp(sf).login();
    String id = createJob(http, Map.of("object", "Contact", "operation", "insert"));
    StringBuilder csv = new StringBuilder("LastName\n");
    for (int i = 0; i < 10; i++) {
      csv.append("N").append(i).append('\n');
    }
    http.csv(JOBS + "/" + id + "/batches", csv.toString());

    JsonNode closed = body(http.json("PATCH", JOBS + "/" + id, Map.of("state", "UploadComplete")));
    assertThat(closed.get("state").asText()).isEqualTo("UploadComplete");
    JsonNode half = http.awaitJob(id, j -> j.get("numberRecordsProcessed").asInt() == 5);
    assertThat(half.get("state").asText()).isEqualTo("InProgress");
    JsonNode done = http.awaitJob(id, j -> j.get("state").asText().equals("JobComplete"));
    assertThat(done.get("numberRecordsProcessed").asInt()).isEqualTo(10);
    assertThat(done.get("totalProcessingTime").asLong()).isPositive();
    assertThat(done.get("jobType").asText()).isEqualTo("V2Ingest");
  }

  @Test
  void abortingAnInProgressJobStopsAtTheNextChunk(EmulatorServer sf, SalesforceEmulator emulator) throws Exception {
    emulator.org().bulk().profile(new BulkProcessingProfile(Duration.ZERO, 100, 5));
    SfHttp http = new SfHttp(sf).login();
    String id = createJob(http, Map.of("object", "Contact", "operation", "insert"));
    StringBuilder csv = new StringBuilder("LastName\n");
    for (int i = 0; i < 50; i++) {
      csv.append("N").append(i).append('\n');
    }
    http.csv(JOBS + "/" + id + "/batches", csv.toString());
    http.json("PATCH", JOBS + "/" + id, Map.of("state", "UploadComplete"));
    http.awaitJob(id, j -> j.get("numberRecordsProcessed").asInt() >= 5);

    JsonNode aborted = body(http.json("PATCH", JOBS + "/" + id, Map.of("state", "Aborted")));

    assertThat(aborted.get("state").asText()).isEqualTo("Aborted");
    SfHttp.await(() -> emulator.records("Contact").size()
        + emulator.org().bulk().unprocessedRecords(id).lines().count() - 1 == 50);
    assertThat(rows(http.get(JOBS + "/" + id + "/unprocessedrecords").body())).isNotEmpty();
    assertThat(http.get(JOBS + "/" + id).body()).contains("\"Aborted\"");
  }

  @Test
  void injectedJobFailureLeavesUnprocessedRows(EmulatorServer sf, SalesforceEmulator emulator) throws Exception {
    emulator.org().bulk().profile(new BulkProcessingProfile(Duration.ZERO, 0, 4));
    emulator.org().faults().failNextJob(4);
    StringBuilder csv = new StringBuilder("External_Id__c,LastName\n");
    for (int i = 0; i < 10; i++) {
      csv.append("f").append(i).append(",N\n");
    }

    SfHttp http = new SfHttp(sf).login();
    JsonNode job = runJob(http, Map.of("object", "Contact", "operation", "insert"), csv.toString());

    assertThat(job.get("state").asText()).isEqualTo("Failed");
    assertThat(job.get("errorMessage").asText()).isEqualTo(SalesforceFaults.DEFAULT_JOB_FAILURE);
    assertThat(job.get("numberRecordsProcessed").asInt()).isEqualTo(4);
    List<Map<String, String>> unprocessed = rows(http.get(JOBS + "/" + job.get("id").asText()
        + "/unprocessedrecords/").body());
    assertThat(unprocessed).hasSize(6);
    assertThat(emulator.records("Contact")).hasSize(4);
    List<String> all = new ArrayList<>(unprocessed.stream().map(r -> r.get("External_Id__c")).toList());
    emulator.records("Contact").forEach(r -> all.add(r.get("External_Id__c").toString()));
    assertThat(all).hasSize(10).doesNotHaveDuplicates();
  }

  @Test
  void injectedRowLocksShowUpAsFailedRows(EmulatorServer sf, SalesforceEmulator emulator) throws Exception {
    emulator.org().faults().lockNextRecords(2);
    SfHttp http = new SfHttp(sf).login();

    JsonNode job = runJob(http, Map.of("object", "Contact", "operation", "insert"), "LastName\nA\nB\nC\n");

    assertThat(job.get("numberRecordsFailed").asInt()).isEqualTo(2);
    assertThat(rows(http.get(JOBS + "/" + job.get("id").asText() + "/failedResults").body()))
        .allSatisfy(r -> assertThat(r.get("sf__Error")).startsWith("UNABLE_TO_LOCK_ROW:"));
  }

  @Test
  void abortDeleteAndListJobs(EmulatorServer sf, SalesforceEmulator emulator) {
    SfHttp http = new SfHttp(sf).login();
    String open = createJob(http, Map.of("object", "Account", "operation", "insert"));
    JsonNode aborted = body(http.json("PATCH", JOBS + "/" + open, Map.of("state", "Aborted")));
    assertThat(aborted.get("state").asText()).isEqualTo("Aborted");
    assertThat(http.json("PATCH", JOBS + "/" + open, Map.of("state", "UploadComplete")).statusCode())
        .isEqualTo(409);
    String other = createJob(http, Map.of("object", "Lead", "operation", "insert"));

    JsonNode list = body(http.get(JOBS));
    assertThat(list.get("done").asBoolean()).isTrue();
    List<String> ids = new ArrayList<>();
    list.get("records").forEach(j -> ids.add(j.get("id").asText()));
    assertThat(ids).containsExactlyInAnyOrder(open, other);
    assertThat(emulator.jobs()).hasSize(2);

    assertThat(http.delete(JOBS + "/" + open).statusCode()).isEqualTo(204);
    assertThat(http.get(JOBS + "/" + open).statusCode()).isEqualTo(404);
    assertThat(body(http.get(JOBS + "/" + open)).get(0).get("errorCode").asText()).isEqualTo("NOT_FOUND");
  }

  @Test
  void deleteJobSoftDeletesRecords(EmulatorServer sf, SalesforceEmulator emulator) throws Exception {
    SfHttp http = new SfHttp(sf).login();
    runJob(http, Map.of("object", "Lead", "operation", "insert"), "LastName,Company\nA,Acme\nB,Beta\n");
    List<String> ids = emulator.records("Lead").stream().map(r -> r.get("Id").toString()).toList();

    JsonNode job = runJob(http, Map.of("object", "Lead", "operation", "delete"),
        "Id\n" + ids.get(0) + "\n" + ids.get(1) + "\n00Q000000000000AAA\n");

    assertThat(job.get("numberRecordsProcessed").asInt()).isEqualTo(3);
    assertThat(job.get("numberRecordsFailed").asInt()).isEqualTo(1);
    assertThat(emulator.records("Lead")).isEmpty();
    assertThat(rows(http.get(JOBS + "/" + job.get("id").asText() + "/successfulResults").body()))
        .extracting(r -> r.get("sf__Id")).containsExactlyInAnyOrderElementsOf(ids);
  }

  @Test
  void controlEndpointListsJobsAndArmsFaults(EmulatorServer sf, SalesforceEmulator emulator) {
    SfHttp http = new SfHttp(sf).login();
    createJob(http, Map.of("object", "Contact", "operation", "insert"));
    HttpResponse<String> jobs = http.get("/__sandbox/salesforce/jobs");
    HttpResponse<String> armed = http.json("POST", "/__sandbox/salesforce/records/lock-next", Map.of("count", 1));

    assertThat(jobs.statusCode()).isEqualTo(200);
    assertThat(body(jobs)).hasSize(1);
    assertThat(armed.statusCode()).isEqualTo(204);
    assertThat(emulator.org().faults().takeRecordLock()).isTrue();
  }
}
