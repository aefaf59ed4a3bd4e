package io.activationsuite.localsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.activationsuite.localsync.launch.JarConnectorLauncher;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.SandboxOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's HubSpot sync, end to end: DuckDB over the shipped CSVs, the real connector jar as a
 * process, the HubSpot sandbox, the state verifier and the rejected-records files; owners given by email in
 * the warehouse land as HubSpot owner ids through the sync file's lookups.
 */
class LocalSyncEndToEndTest {
  private static final Path DEMO = Path.of("demo/syncs/hubspot.yaml").toAbsolutePath();
  private static EmulatorServer hubspot;

  @TempDir Path output;

  @BeforeAll
  static void startSandbox() {
    hubspot = EmulatorServer.start("hubspot", SandboxOptions.defaults());
  }

  @AfterAll
  static void stopSandbox() {
    hubspot.close();
  }

  private Map<String, String> placeholders(Path rejected) {
    Map<String, String> values = new HashMap<>();
    values.put("sandbox.base_url", hubspot.baseUrl().toString().replaceAll("/$", ""));
    hubspot.credentials().forEach((key, value) -> values.put("sandbox." + key, value));
    values.put("run.rejected_dir", rejected.toString());
    return values;
  }

  private LocalSync sync(SyncFile file, Map<String, String> values) {
    Path jar = ConnectorJars.locate("hubspot");
    return new LocalSync(file, JarConnectorLauncher.of(jar), values, new PrintStream(new ByteArrayOutputStream()),
        LocalSync.Options.plain());
  }

  @Test
  void givenTheDemoModel_whenSyncedIntoTheSandbox_thenGoodRowsLandWithTheirOwnersAndBadRowsAreRejectedWithReasons()
      throws Exception {
    hubspot.reset();
    hubspot.requests().clear();
    SyncFile file = new SyncFileLoader().load(DEMO);
    Path rejected = output.resolve("rejected");

    SyncResult result = sync(file, placeholders(rejected)).run(77, rejected);

    assertThat(result.problems()).isEmpty();
    assertThat(result.succeeded()).as("trace: %s", result.traceError()).isTrue();
    StreamResult contacts = result.streams().get(0);
    assertThat(contacts.sent()).isEqualTo(3000);
    assertThat(contacts.acknowledged()).isEqualTo(2992);
    assertThat(contacts.rejected()).isEqualTo(8);
    assertThat(contacts.states()).isEqualTo(6);
    assertThat(hubspot.objects("contacts").size()).isEqualTo(2992);
    assertThat(hubspot.objects("contacts")).as("every contact landed with its sales rep as owner")
        .allSatisfy(c -> assertThat(c.path("properties").path("hubspot_owner_id").asText()).isIn("101", "102",
            "103", "104"));
    StreamResult tickets = result.streams().get(1);
    assertThat(tickets.acknowledged()).isEqualTo(tickets.sent()).isPositive();
    assertThat(hubspot.objects("tickets")).allSatisfy(t ->
        assertThat(t.path("properties").path("hubspot_owner_id").asText()).isIn("101", "102", "103", "104"));
    assertThat(hubspot.requests().count("GET", "/crm/v3/owners")).as("owners read once, not once per email")
        .isEqualTo(1);

    RejectedSummary summary = RejectedSummary.read(rejected.resolve("77"), 10);
    assertThat(summary.byReason()).containsEntry("INVALID_VALUE", 2L).containsEntry("NULL_MATCHING_KEY", 2L)
        .containsEntry("INVALID_OPTION", 1L).containsEntry("LOOKUP_NOT_FOUND", 3L);
    assertThat(summary.examples()).anySatisfy(e -> assertThat(e.path("message").asText())
        .contains("erin@example.com").contains("owner_by_email").contains("hubspot_owner_id"));
    assertThat(summary.files()).allSatisfy(f -> assertThat(f.toString()).contains("/77/analytics/customer_health/"));
    assertThat(summary.examples()).allSatisfy(e -> assertThat(e.path("record").isObject()).isTrue());
  }

  @Test
  void givenRefusedCredentials_whenSynced_thenTheRunStopsAtCheckWithTheConnectorsMessage() throws Exception {
    SyncFile file = new SyncFileLoader().load(DEMO);
    Path rejected = output.resolve("rejected");
    Map<String, String> values = placeholders(rejected);
    values.put("sandbox.private_app_token", "pat-na1-not-a-valid-token");
    hubspot.requests().clear();

    SyncResult result = sync(file, values).run(78, rejected);

    assertThat(result.succeeded()).isFalse();
    assertThat(result.traceError()).startsWith("check failed:");
    assertThat(result.streams()).isEmpty();
    assertThat(hubspot.requests().entries()).noneMatch(e -> e.path().contains("/batch/"));
  }

  @Test
  void givenASyncFileWithoutMatchingKey_whenLoaded_thenTheErrorNamesTheStreamAndField() throws Exception {
    Path file = Files.writeString(output.resolve("bad.yaml"), """
        destination: hubspot
        config_inline: {}
        streams:
          - name: people
            object: contacts
            mode: append_dedup
            query: SELECT 1
        """, StandardCharsets.UTF_8);

    assertThatThrownBy(() -> new SyncFileLoader().load(file))
        .hasMessageContaining("stream 'people'").hasMessageContaining("matching_key");
  }
}
