package io.activationsuite.sink;

import static io.activationsuite.sink.SyncHarness.activationStream;
import static io.activationsuite.sink.SyncHarness.catalog;
import static io.activationsuite.sink.SyncHarness.complete;
import static io.activationsuite.sink.SyncHarness.plainStream;
import static io.activationsuite.sink.SyncHarness.record;
import static io.activationsuite.sink.SyncHarness.state;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

/** Whole syncs of the test connector through the protocol runner, against an HTTP API. */
class ActivationDestinationSyncTest {
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
    api.open();
    server.shutdown();
  }

  private String baseUrl() {
    return server.url("/api/").toString();
  }

  private static String contact(int i, String firstName) {
    return "{\"email\":\"user" + i + "@example.com\",\"first_name\":\"" + firstName + "\",\"age\":\"" + (20 + i % 50)
        + "\"}";
  }

  @Test
  void givenThreeOfHundredRecordsRefused_whenSynced_thenNinetySevenLandAndThreeAreRejectedWithTheApiMessage() {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      lines.add(record("users", contact(i, i == 10 || i == 50 || i == 99 ? "REFUSE" : "Ann")));
    }
    lines.add(state("users", 100));
    lines.add(complete("users"));

    int exit = harness.write(harness.config(baseUrl(), ""),
        catalog(activationStream("users", "contacts", "append_dedup", "email")), lines);

    assertThat(exit).as(harness.stdout()).isZero();
    assertThat(api.rows()).hasSize(97);
    List<ObjectNode> states = harness.messages("STATE");
    assertThat(states).hasSize(1);
    JsonNode stats = states.get(0).path("state").path("destinationStats");
    assertThat(stats.path("recordCount").asDouble()).isEqualTo(97.0);
    assertThat(stats.path("rejectedRecordCount").asDouble()).isEqualTo(3.0);
    List<JsonNode> rejected = harness.rejected();
    assertThat(rejected).hasSize(3);
    assertThat(rejected).allSatisfy(r -> {
      assertThat(r.path("reason").asText()).isEqualTo("REFUSED_BY_API");
      assertThat(r.path("message").asText()).isEqualTo("first_name REFUSE is not allowed");
      assertThat(r.path("stream").asText()).isEqualTo("users");
      assertThat(r.path("record").path("first_name").asText()).isEqualTo("REFUSE");
    });
    assertThat(rejected).extracting(r -> r.path("record").path("email").asText())
        .containsExactlyInAnyOrder("user10@example.com", "user50@example.com", "user99@example.com");
    assertThat(harness.stdout()).doesNotContain("secret-key-123");
  }

  @Test
  void givenStreamWithoutMappingOrActivationConfig_whenWriteStarts_thenConfigErrorNamesTheStream() {
    int exit = harness.write(harness.config(baseUrl(), ""), catalog(plainStream("orders")),
        List.of(record("orders", "{\"id\":1}")));

    assertThat(exit).isEqualTo(1);
    List<ObjectNode> traces = harness.messages("TRACE");
    assertThat(traces).hasSize(1);
    JsonNode error = traces.get(0).path("trace").path("error");
    assertThat(error.path("failure_type").asText()).isEqualTo("config_error");
    assertThat(error.path("message").asText()).contains("crm.orders").contains("mappings");
    assertThat(api.requests()).isZero();
  }

  @Test
  void givenMappingsConfig_whenSynced_thenFieldsAreMappedTemplatedAndCoerced() {
    String mappings = "\"mappings\":[{\"source_stream\":\"people\",\"destination_object\":\"contacts\","
        + "\"operation\":\"upsert\",\"matching_key\":\"email\",\"fields\":["
        + "{\"destination_field\":\"email\",\"source\":{\"mapping_type\":\"source_path\","
        + "\"source_path\":\"contact.mail\"}},"
        + "{\"destination_field\":\"first_name\",\"source\":{\"mapping_type\":\"template\","
        + "\"template\":\"{{ given | upper }} {{family}}\"}},"
        + "{\"destination_field\":\"tier\",\"source\":{\"mapping_type\":\"constant\",\"constant\":\"GOLD\"}},"
        + "{\"destination_field\":\"birthday\",\"source\":{\"mapping_type\":\"source_path\",\"source_path\":\"born\"}},"
        + "{\"destination_field\":\"age\",\"source\":{\"mapping_type\":\"source_path\",\"source_path\":\"age\"},"
        + "\"null_policy\":\"clear\"}]}]";
    List<String> lines = List.of(
        record("people", "{\"contact\":{\"mail\":\"Ann@Example.com\"},\"given\":\"ann\",\"family\":\"Lee\","
            + "\"born\":\"1990/02/03\",\"age\":null}"),
        record("people", "{\"contact\":{\"mail\":\"bob@example.com\"},\"given\":\"bob\",\"born\":\"1700000000000\","
            + "\"age\":41.0}"),
        state("people", 2), complete("people"));

    int exit = harness.write(harness.config(baseUrl(), mappings), catalog(plainStream("people")), lines);

    assertThat(exit).as(harness.stdout()).isZero();
    assertThat(api.rows().get("Ann@Example.com").toString())
        .isEqualTo("{\"email\":\"Ann@Example.com\",\"first_name\":\"ANN Lee\",\"tier\":\"gold\","
            + "\"birthday\":\"1990-02-03\"}");
    assertThat(api.rows().get("bob@example.com").path("birthday").asText()).isEqualTo("2023-11-14");
    assertThat(api.rows().get("bob@example.com").path("age").asLong()).isEqualTo(41L);
    assertThat(api.rows().get("bob@example.com").path("first_name").asText()).isEqualTo("BOB ");
  }

  @Test
  void givenOpenSchemaAndAMistypedSourcePath_whenSynced_thenAWarningCountsTheRecordsThatLackedIt() {
    String mappings = "\"mappings\":[{\"source_stream\":\"people\",\"destination_object\":\"contacts\","
        + "\"operation\":\"upsert\",\"matching_key\":\"email\",\"fields\":["
        + "{\"destination_field\":\"email\",\"source\":{\"mapping_type\":\"source_path\",\"source_path\":\"email\"}},"
        + "{\"destination_field\":\"first_name\",\"source\":{\"mapping_type\":\"source_path\","
        + "\"source_path\":\"nam\"}}]}]";
    List<String> lines = List.of(record("people", "{\"email\":\"a@example.com\",\"name\":\"Ann\"}"),
        record("people", "{\"email\":\"b@example.com\",\"name\":\"Bob\"}"), state("people", 2),
        complete("people"));

    int exit = harness.write(harness.config(baseUrl(), mappings), catalog(plainStream("people")), lines);

    assertThat(exit).as(harness.stdout()).isZero();
    assertThat(harness.messages("LOG")).filteredOn(l -> l.path("log").path("level").asText().equals("WARN"))
        .extracting(l -> l.path("log").path("message").asText())
        .anySatisfy(m -> assertThat(m).contains("crm.people").contains("'nam'").contains("first_name")
            .contains("absent from 2 of 2 records"));
  }

  @Test
  void givenServerOutageMidSync_whenWriting_thenEarnedStatesAreEchoedThenOneTransientTraceAndLaterStatesAreNot() {
    TestActivationApi.maxRecords = 5;
    api.outageAfter(2);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      lines.add(record("users", contact(i, "Ann")));
    }
    lines.add(state("users", 1));
    for (int i = 5; i < 10; i++) {
      lines.add(record("users", contact(i, "Ann")));
    }
    lines.add(state("users", 2));
    for (int i = 10; i < 15; i++) {
      lines.add(record("users", contact(i, "Ann")));
    }
    lines.add(state("users", 3));
    lines.add(complete("users"));

    // batches are cut by size and STATE only: a linger firing on a slow machine would split them and move the outage
    int exit = harness.write(harness.config(baseUrl(), "\"concurrency\":1,\"batch_linger_ms\":60000"),
        catalog(activationStream("users", "contacts", "append_dedup", "email")), lines);

    assertThat(exit).isEqualTo(1);
    List<ObjectNode> states = harness.messages("STATE");
    assertThat(states).extracting(s -> s.path("state").path("id").asInt()).containsExactly(1, 2);
    List<ObjectNode> traces = harness.messages("TRACE");
    assertThat(traces).hasSize(1);
    assertThat(traces.get(0).path("trace").path("error").path("failure_type").asText()).isEqualTo("transient_error");
    assertThat(api.rows()).hasSize(10);
    int lastState = harness.stdout().lastIndexOf("\"type\":\"STATE\"");
    assertThat(harness.stdout().indexOf("\"type\":\"TRACE\"")).isGreaterThan(lastState);
  }

  @Test
  void givenDailyQuotaExhausted_whenWriting_thenSyncEndsCleanlyWithTransientErrorAfterEarnedStates() {
    TestActivationApi.maxRecords = 4;
    api.quotaAfter(8);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      lines.add(record("users", contact(i, "Ann")));
      if (i % 4 == 3) {
        lines.add(state("users", i + 1));
      }
    }
    lines.add(complete("users"));

    // batches are cut by size and STATE only: a linger firing on a slow machine would split them and move the outage
    int exit = harness.write(harness.config(baseUrl(), "\"concurrency\":1,\"batch_linger_ms\":60000"),
        catalog(activationStream("users", "contacts", "append_dedup", "email")), lines);

    assertThat(exit).isEqualTo(1);
    assertThat(harness.messages("STATE")).extracting(s -> s.path("state").path("id").asInt()).containsExactly(4, 8);
    List<ObjectNode> traces = harness.messages("TRACE");
    assertThat(traces).hasSize(1);
    JsonNode error = traces.get(0).path("trace").path("error");
    assertThat(error.path("failure_type").asText()).isEqualTo("transient_error");
    assertThat(error.path("message").asText()).contains("daily API quota");
    assertThat(api.rows()).hasSize(8);
  }

  @Test
  void givenMalformedLineAndUnknownStream_whenSynced_thenBothBecomeRejectedRecordsAndTheSyncSucceeds() {
    List<String> lines = List.of(
        record("users", contact(1, "Ann")),
        "{\"type\":\"RECORD\",\"record\":{\"stream\":\"users\",\"namespace\":\"crm\",\"data\":[1,2]}}",
        record("strangers", "{\"email\":\"x@example.com\"}"),
        record("users", "{\"email\":\"not-an-email\"}"),
        state("users", 1), complete("users"));

    int exit = harness.write(harness.config(baseUrl(), ""),
        catalog(activationStream("users", "contacts", "append_dedup", "email")), lines);

    assertThat(exit).as(harness.stdout()).isZero();
    assertThat(harness.rejected()).extracting(r -> r.path("reason").asText())
        .containsExactlyInAnyOrder("MALFORMED_RECORD", "UNMAPPED_STREAM", "INVALID_VALUE");
    JsonNode stats = harness.messages("STATE").get(0).path("state").path("destinationStats");
    assertThat(stats.path("recordCount").asDouble()).isEqualTo(1.0);
    assertThat(stats.path("rejectedRecordCount").asDouble()).isEqualTo(2.0);
  }

  @Test
  void givenRejectedShareAboveThreshold_whenSynced_thenSyncFailsWithConfigError() {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      lines.add(record("users", "{\"email\":\"broken-" + i + "\"}"));
    }
    lines.add(state("users", 1));
    lines.add(complete("users"));

    int exit = harness.write(harness.config(baseUrl(), "\"rejected_records_threshold_percent\":50"),
        catalog(activationStream("users", "contacts", "append_dedup", "email")), lines);

    assertThat(exit).isEqualTo(1);
    JsonNode error = harness.messages("TRACE").get(0).path("trace").path("error");
    assertThat(error.path("failure_type").asText()).isEqualTo("config_error");
    assertThat(error.path("message").asText()).contains("rejected_records_threshold_percent");
    List<String> texts = new ArrayList<>();
    harness.messages("TRACE").forEach(t -> texts.add(t.path("trace").path("error").path("message").asText()));
    harness.messages("LOG").forEach(l -> texts.add(l.path("log").path("message").asText()));
    assertThat(texts).noneMatch(t -> t.contains(".."));
    assertThat(error.path("message").asText()).contains("run the sync again").contains("rejected-records store");
  }
}
