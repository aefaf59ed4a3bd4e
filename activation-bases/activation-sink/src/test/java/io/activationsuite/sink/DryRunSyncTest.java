package io.activationsuite.sink;

import static io.activationsuite.sink.SyncHarness.activationStream;
import static io.activationsuite.sink.SyncHarness.catalog;
import static io.activationsuite.sink.SyncHarness.complete;
import static io.activationsuite.sink.SyncHarness.record;
import static io.activationsuite.sink.SyncHarness.state;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.protocol.model.Json;
import io.activationsuite.sink.preview.DryRun;
import io.activationsuite.sink.testapi.FakeApiServer;
import io.activationsuite.sink.testapi.TestActivationApi;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The preview flag: a whole write through the protocol runner that plans everything and sends nothing. */
class DryRunSyncTest {
  @TempDir Path dir;
  SyncHarness harness;
  MockWebServer server;
  FakeApiServer api;

  @BeforeEach
  void setUp() throws Exception {
    harness = new SyncHarness(dir);
    api = new FakeApiServer();
    server = new MockWebServer();
    server.setDispatcher(api);
    server.start();
    TestActivationApi.maxRecords = 10;
  }

  @AfterEach
  void tearDown() throws Exception {
    server.shutdown();
  }

  @Test
  void givenDryRun_whenWriting_thenNoRequestNoStateAndTheReportCountsRecordsRequestsRejectionsAndPayloads()
      throws Exception {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      String age = i == 3 ? "\"old\"" : Integer.toString(20 + i);
      lines.add(record("users",
          "{\"email\":\"user" + i + "@example.com\",\"first_name\":\"Ann\",\"age\":" + age + "}"));
    }
    lines.add(state("users", 25));
    lines.add(complete("users"));

    int exit = harness.write(harness.config(server.url("/api/").toString(), "\"dry_run\":true"),
        catalog(activationStream("users", "contacts", "append_dedup", "email")), lines);

    assertThat(exit).as(harness.stdout()).isZero();
    assertThat(api.requests()).isZero();
    assertThat(api.rows()).isEmpty();
    List<JsonNode> reports = harness.messages("LOG").stream()
        .map(m -> m.path("log").path("message").asText())
        .filter(m -> m.startsWith(DryRun.REPORT_PREFIX))
        .map(m -> {
          try {
            return Json.mapper().readTree(m.substring(DryRun.REPORT_PREFIX.length()));
          } catch (java.io.IOException e) {
            throw new AssertionError(e);
          }
        })
        .toList();
    assertThat(reports).hasSize(1);
    JsonNode report = reports.get(0);
    assertThat(report.path("stream").asText()).isEqualTo("users");
    assertThat(report.path("operation").asText()).isEqualTo("upsert");
    assertThat(report.path("records").asLong()).isEqualTo(24);
    assertThat(report.path("requests").asLong()).isBetween(3L, 24L);
    assertThat(report.path("received").asLong()).isEqualTo(25);
    assertThat(report.path("rejected").path("INVALID_VALUE").asLong()).isEqualTo(1);
    assertThat(report.path("payloads")).hasSize(DryRun.PAYLOADS_PER_STREAM);
    assertThat(report.path("payloads").get(0).path("email").asText()).isEqualTo("user0@example.com");
    assertThat(report.path("payloads").get(0).path("age").asLong()).isEqualTo(20);
    JsonNode first = report.path("first_requests").get(0);
    assertThat(first.path("method").asText()).isEqualTo("POST");
    assertThat(first.path("path").asText()).isEqualTo("/api/contacts/upsert");
    JsonNode body = Json.mapper().readTree(first.path("body").asText());
    assertThat(body.path("records").size()).as("the first batch, as the writer would send it").isBetween(1, 10);
    assertThat(body.path("records").get(0).path("payload").path("email").asText()).isEqualTo("user0@example.com");
    assertThat(harness.messages("STATE")).as("a dry run commits nothing").isEmpty();
    assertThat(harness.stdout()).contains("0 of 1 states committed (1 withheld: a dry run commits nothing)");
  }
}
