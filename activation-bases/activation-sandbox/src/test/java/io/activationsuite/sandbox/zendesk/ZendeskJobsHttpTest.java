package io.activationsuite.sandbox.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.ManualClock;
import io.activationsuite.sandbox.junit.SandboxTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;

@SandboxTest(value = "zendesk", manualClock = true)
class ZendeskJobsHttpTest {

  private final EmulatorServer server;
  private final ZendeskEmulator zendesk;
  private final ManualClock clock;
  private final ZdHttp http;

  ZendeskJobsHttpTest(EmulatorServer server, ZendeskEmulator zendesk, ManualClock clock) {
    this.server = server;
    this.zendesk = zendesk;
    this.clock = clock;
    this.http = ZdHttp.apiToken(server);
  }

  @Test
  void createOrUpdateManyAnswersAQueuedJobWhoseResultsFollowInputOrder() {
    http.runJob("POST", "/api/v2/users/create_many.json",
        "{\"users\":[{\"name\":\"Old\",\"email\":\"old@example.com\",\"external_id\":\"crm-0\"}]}");

    HttpResponse<String> submitted = http.post("/api/v2/users/create_or_update_many.json", "{\"users\":["
        + "{\"name\":\"Ana\",\"email\":\"ana@example.com\",\"user_fields\":{\"health_score\":87.5,\"plan\":\"pro\"}},"
        + "{\"external_id\":\"crm-0\",\"user_fields\":{\"churn_risk\":true}},"
        + "{\"name\":\"Bad\",\"email\":\"bad@example\"}]}");
    JsonNode queued = ZdHttp.json(submitted).path("job_status");
    assertThat(submitted.statusCode()).isEqualTo(200);
    assertThat(queued.path("status").asText()).isIn("queued", "working", "completed");
    assertThat(queued.path("total").asInt()).isEqualTo(3);
    assertThat(queued.path("url").asText()).endsWith("/api/v2/job_statuses/" + queued.path("id").asText() + ".json");

    JsonNode done = http.awaitJob(queued.path("id").asText());
    JsonNode results = done.path("results");
    assertThat(done.path("status").asText()).isEqualTo("completed");
    assertThat(done.path("progress").asInt()).isEqualTo(3);
    assertThat(results.get(0).path("status").asText()).isEqualTo("Created");
    assertThat(results.get(0).path("email").asText()).isEqualTo("ana@example.com");
    assertThat(results.get(1).path("status").asText()).isEqualTo("Updated");
    assertThat(results.get(1).path("external_id").asText()).isEqualTo("crm-0");
    assertThat(results.get(2).path("status").asText()).isEqualTo("Failed");
    assertThat(results.get(2).path("error").asText()).isEqualTo("UserCreateError");
    assertThat(results.get(2).path("details").asText()).contains("bad@example is not properly formatted");
    assertThat(results.get(2).path("index").asInt()).isEqualTo(2);
    JsonNode users = server.objects("users");
    assertThat(users).hasSize(2);
    assertThat(users.get(0).path("user_fields").path("churn_risk").asBoolean()).isTrue();
    assertThat(users.get(1).path("user_fields").path("health_score").decimalValue()).isEqualByComparingTo("87.5");
  }

  @Test
  void fieldValidationFailsTheItemWithZendeskDetails() {
    JsonNode done = http.runJob("POST", "/api/v2/organizations/create_many.json", "{\"organizations\":["
        + "{\"name\":\"Acme\",\"external_id\":\"acc-1\",\"organization_fields\":{\"plan\":\"platinum\"}},"
        + "{\"name\":\"Acme\",\"external_id\":\"acc-1\",\"organization_fields\":{\"no_such_field\":1}},"
        + "{\"name\":\"Acme\",\"external_id\":\"acc-2\"},"
        + "{\"name\":\"ACME\",\"external_id\":\"acc-3\"},"
        + "{\"name\":\"Beta\",\"external_id\":\"acc-2\"}]}");

    JsonNode r = done.path("results");
    assertThat(r.get(0).path("details").asText()).isEqualTo("Plan: platinum is not a valid option");
    assertThat(r.get(1).path("details").asText()).contains("no_such_field is not a known field key");
    assertThat(r.get(2).path("status").asText()).isEqualTo("Created");
    assertThat(r.get(3).path("details").asText()).isEqualTo("Name: ACME has already been taken");
    assertThat(r.get(4).path("details").asText()).contains("acc-2 has already been taken");
    assertThat(server.objects("organizations")).hasSize(1);
  }

  @Test
  void moreThanOneHundredItemsIsA400AndNoJob() {
    StringJoiner users = new StringJoiner(",", "{\"users\":[", "]}");
    for (int i = 0; i < 101; i++) {
      users.add("{\"name\":\"u" + i + "\",\"email\":\"u" + i + "@example.com\"}");
    }
    HttpResponse<String> response = http.post("/api/v2/users/create_many.json", users.toString());

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode body = ZdHttp.json(response);
    assertThat(body.path("error").asText()).isEqualTo("TooManyValues");
    assertThat(body.path("description").asText()).isEqualTo("Parameter users cannot specify more than 100 values");
    assertThat(body.path("max_count").asInt()).isEqualTo(100);
    assertThat(zendesk.activeJobs()).isZero();
  }

  @Test
  void theThirtyFirstActiveJobIsRefusedWith429UntilJobsFinish() {
    zendesk.holdJobs();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      HttpResponse<String> ok = http.post("/api/v2/users/create_many.json",
          "{\"users\":[{\"name\":\"u" + i + "\",\"email\":\"u" + i + "@example.com\"}]}");
      assertThat(ok.statusCode()).isEqualTo(200);
      ids.add(ZdHttp.json(ok).path("job_status").path("id").asText());
    }
    HttpResponse<String> refused = http.post("/api/v2/users/create_many.json",
        "{\"users\":[{\"name\":\"late\",\"email\":\"late@example.com\"}]}");
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(ZdHttp.json(refused).path("error").asText()).isEqualTo("TooManyJobs");

    JsonNode queued = ZdHttp.json(http.get("/api/v2/job_statuses/show_many.json?ids=" + String.join(",",
        ids.subList(0, 3))));
    assertThat(queued.path("job_statuses")).hasSize(3);
    assertThat(queued.path("job_statuses").get(0).path("status").asText()).isEqualTo("queued");

    zendesk.releaseJobs();
    ids.forEach(http::awaitJob);
    assertThat(http.post("/api/v2/users/create_many.json",
        "{\"users\":[{\"name\":\"late\",\"email\":\"late@example.com\"}]}").statusCode()).isEqualTo(200);
  }

  @Test
  void aFailedJobWritesNothing() {
    zendesk.failNextJobs(1);
    JsonNode done = http.runJob("POST", "/api/v2/users/create_many.json",
        "{\"users\":[{\"name\":\"Ana\",\"email\":\"ana@example.com\"}]}");

    assertThat(done.path("status").asText()).isEqualTo("failed");
    assertThat(done.path("results").isNull()).isTrue();
    assertThat(server.objects("users")).isEmpty();
  }

  @Test
  void finishedJobsExpireAfterAnHour() {
    JsonNode done = http.runJob("POST", "/api/v2/users/create_many.json",
        "{\"users\":[{\"name\":\"Ana\",\"email\":\"ana@example.com\"}]}");
    clock.advance(Duration.ofMinutes(59));
    assertThat(http.get("/api/v2/job_statuses/" + done.path("id").asText()).statusCode()).isEqualTo(200);

    clock.advance(Duration.ofMinutes(1));
    assertThat(http.get("/api/v2/job_statuses/" + done.path("id").asText()).statusCode()).isEqualTo(404);
  }

  @Test
  void bulkUserImportDisabledIsA403() {
    zendesk.bulkImportEnabled(false);

    HttpResponse<String> response = http.post("/api/v2/users/create_or_update_many.json",
        "{\"users\":[{\"name\":\"Ana\",\"email\":\"ana@example.com\"}]}");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(ZdHttp.json(response).path("error").asText()).isEqualTo("Forbidden");
    assertThat(ZdHttp.json(response).path("message").asText()).isEqualTo("Data imports are not enabled");
  }

  @Test
  void usersUpdateAndDestroyByIdsOrExternalIds() {
    http.runJob("POST", "/api/v2/users/create_many.json", "{\"users\":["
        + "{\"name\":\"A\",\"email\":\"a@example.com\",\"external_id\":\"x-1\"},"
        + "{\"name\":\"B\",\"email\":\"b@example.com\",\"external_id\":\"x-2\"}]}");
    JsonNode update = http.runJob("PUT", "/api/v2/users/update_many.json?external_ids=x-1,x-9",
        "{\"user\":{\"user_fields\":{\"seats\":12}}}");
    assertThat(update.path("results").get(0).path("status").asText()).isEqualTo("Updated");
    assertThat(update.path("results").get(1).path("error").asText()).isEqualTo("RecordNotFound");

    JsonNode batch = http.runJob("PUT", "/api/v2/users/update_many.json",
        "{\"users\":[{\"external_id\":\"x-2\",\"user_fields\":{\"seats\":\"many\"}}]}");
    assertThat(batch.path("results").get(0).path("details").asText()).isEqualTo("Seats: many is not a number");

    JsonNode deleted = http.runJob("DELETE", "/api/v2/users/destroy_many.json?external_ids=x-1,x-2", null);
    assertThat(deleted.path("results").findValuesAsText("status")).containsExactly("Deleted", "Deleted");
    assertThat(server.objects("users")).isEmpty();
  }

  @Test
  void organizationsUpdateManyCreateOrUpdateAndDestroy() {
    http.runJob("POST", "/api/v2/organizations/create_many.json",
        "{\"organizations\":[{\"name\":\"Acme\",\"external_id\":\"acc-1\"}]}");
    JsonNode update = http.runJob("PUT", "/api/v2/organizations/update_many.json",
        "{\"organizations\":[{\"external_id\":\"acc-1\",\"organization_fields\":{\"health_score\":42}}]}");
    assertThat(update.path("results").get(0).path("status").asText()).isEqualTo("Updated");

    HttpResponse<String> created = http.post("/api/v2/organizations/create_or_update.json",
        "{\"organization\":{\"name\":\"Beta\",\"external_id\":\"acc-2\"}}");
    HttpResponse<String> updated = http.post("/api/v2/organizations/create_or_update.json",
        "{\"organization\":{\"external_id\":\"acc-2\",\"notes\":\"vip\"}}");
    HttpResponse<String> taken = http.post("/api/v2/organizations/create_or_update.json",
        "{\"organization\":{\"name\":\"acme\",\"external_id\":\"acc-3\"}}");
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(updated.statusCode()).isEqualTo(200);
    assertThat(ZdHttp.json(updated).path("organization").path("notes").asText()).isEqualTo("vip");
    assertThat(taken.statusCode()).isEqualTo(422);
    assertThat(ZdHttp.json(taken).path("details").path("name").get(0).path("error").asText())
        .isEqualTo("DuplicateValue");

    String id = ZdHttp.json(created).path("organization").path("id").asText();
    JsonNode deleted = http.runJob("DELETE", "/api/v2/organizations/destroy_many.json?ids=" + id, null);
    assertThat(deleted.path("results").get(0).path("status").asText()).isEqualTo("Deleted");
    assertThat(server.objects("organizations")).hasSize(1);
  }

  @Test
  void ticketsCreateAndUpdateWithCustomFields() {
    JsonNode created = http.runJob("POST", "/api/v2/tickets/create_many.json", "{\"tickets\":["
        + "{\"subject\":\"Low health\",\"comment\":{\"body\":\"Score fell\"},\"priority\":\"high\","
        + "\"requester\":{\"email\":\"ana@example.com\",\"name\":\"Ana\"},"
        + "\"custom_fields\":[{\"id\":380002,\"value\":\"low_health\"}]},"
        + "{\"subject\":\"No body\",\"requester\":{\"email\":\"ana@example.com\"}},"
        + "{\"subject\":\"Bad option\",\"comment\":{\"body\":\"x\"},\"requester\":{\"email\":\"ana@example.com\"},"
        + "\"custom_fields\":[{\"id\":380002,\"value\":\"nope\"}]}]}");
    JsonNode r = created.path("results");
    assertThat(r.get(0).path("status").asText()).isEqualTo("Created");
    assertThat(r.get(1).path("details").asText()).isEqualTo("Description: cannot be blank");
    assertThat(r.get(2).path("details").asText()).isEqualTo("Escalation reason: nope is not a valid option");

    String id = r.get(0).path("id").asText();
    JsonNode updated = http.runJob("PUT", "/api/v2/tickets/update_many.json",
        "{\"tickets\":[{\"id\":" + id + ",\"status\":\"open\",\"custom_fields\":[{\"id\":380001,\"value\":12.5}]}]}");
    assertThat(updated.path("results").get(0).path("status").asText()).isEqualTo("Updated");
    JsonNode ticket = ZdHttp.json(http.get("/api/v2/tickets/" + id + ".json")).path("ticket");
    assertThat(ticket.path("status").asText()).isEqualTo("open");
    assertThat(ticket.path("custom_fields").get(0).path("value").asDouble()).isEqualTo(12.5);
    assertThat(server.objects("users")).hasSize(1);
  }

  @Test
  void customObjectRecordJobsCoverEveryAction() {
    String path = "/api/v2/custom_objects/subscription/jobs.json";
    JsonNode created = http.runJob("POST", path, "{\"job\":{\"action\":\"create\",\"items\":["
        + "{\"name\":\"S1\",\"external_id\":\"sub-1\",\"custom_object_fields\":{\"plan\":\"pro\",\"mrr\":99}}]}}");
    String id = created.path("results").get(0).path("id").asText();
    JsonNode upsert = http.runJob("POST", path, "{\"job\":{\"action\":\"create_or_update_by_external_id\","
        + "\"items\":[{\"external_id\":\"sub-1\",\"custom_object_fields\":{\"mrr\":120}},"
        + "{\"name\":\"S2\",\"external_id\":\"sub-2\"},{\"name\":\"S3\",\"external_id\":\"sub-3\","
        + "\"custom_object_fields\":{\"renews_on\":\"next year\"}}]}}");
    assertThat(upsert.path("results").findValuesAsText("status")).containsExactly("Updated", "Created", "Failed");
    JsonNode update = http.runJob("POST", path, "{\"job\":{\"action\":\"update\",\"items\":[{\"id\":\"" + id
        + "\",\"custom_object_fields\":{\"active\":true}}]}}");
    assertThat(update.path("results").get(0).path("status").asText()).isEqualTo("Updated");
    JsonNode deleted = http.runJob("POST", path, "{\"job\":{\"action\":\"delete_by_external_id\",\"items\":["
        + "\"sub-2\",\"sub-404\"]}}");
    assertThat(deleted.path("results").findValuesAsText("status")).containsExactly("Deleted", "Failed");
    http.runJob("POST", path, "{\"job\":{\"action\":\"delete\",\"items\":[\"" + id + "\"]}}");

    assertThat(server.objects("subscription")).isEmpty();
    assertThat(http.post(path, "{\"job\":{\"action\":\"explode\",\"items\":[]}}").statusCode()).isEqualTo(400);
  }

  @Test
  void fieldsEndpointsListTypesAndOptions() {
    JsonNode userFields = ZdHttp.json(http.get("/api/v2/user_fields.json")).path("user_fields");
    JsonNode ticketFields = ZdHttp.json(http.get("/api/v2/ticket_fields.json")).path("ticket_fields");
    JsonNode objects = ZdHttp.json(http.get("/api/v2/custom_objects.json")).path("custom_objects");
    JsonNode objectFields = ZdHttp.json(http.get("/api/v2/custom_objects/subscription/fields.json"))
        .path("custom_object_fields");

    assertThat(userFields.findValuesAsText("key")).contains("health_score", "plan");
    assertThat(userFields.get(1).path("type").asText()).isEqualTo("dropdown");
    assertThat(userFields.get(1).path("custom_field_options").findValuesAsText("value"))
        .containsExactly("free", "starter", "pro", "enterprise");
    assertThat(ticketFields.get(1).path("type").asText()).isEqualTo("tagger");
    assertThat(objects.get(0).path("key").asText()).isEqualTo("subscription");
    assertThat(objectFields.findValuesAsText("key")).containsExactly("plan", "mrr", "renews_on", "active");
  }
}
