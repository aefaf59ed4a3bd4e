package io.activationsuite.localsync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.localsync.launch.ConnectorCommand;
import io.activationsuite.localsync.launch.ConnectorLauncher;
import io.activationsuite.localsync.launch.ConnectorRun;
import io.activationsuite.localsync.launch.JarConnectorLauncher;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.RequestLogEntry;
import io.activationsuite.sandbox.junit.SandboxTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Change data capture and preview end to end: DuckDB over a CSV the test rewrites between runs, the real
 * HubSpot connector jar as a process, the HubSpot sandbox and the snapshot file. A segment of 200
 * contacts; members that leave it are archived.
 */
@SandboxTest("hubspot")
class ChangeCaptureEndToEndTest {
  private static final int MEMBERS = 200;
  private EmulatorServer hubspot;

  @TempDir Path dir;
  private final Map<String, String[]> model = new LinkedHashMap<>();
  private long syncId = 100;

  @BeforeEach
  void freshModel(EmulatorServer server) throws Exception {
    hubspot = server;
    for (int i = 0; i < MEMBERS; i++) {
      model.put(String.format("member%03d@example.com", i), new String[] {"First" + i, "Last" + i, "at_risk"});
    }
    writeModel();
    Files.writeString(dir.resolve("segment.yaml"), """
        destination: hubspot
        snapshot: state/segment.duckdb
        config_inline:
          credentials: {auth_type: private_app, access_token: "${sandbox.private_app_token}"}
          base_url: "${sandbox.base_url}"
          object_storage_config: {storage_type: Local, local_directory: "${run.rejected_dir}"}
        streams:
          - name: at_risk
            object: contacts
            mode: append_dedup
            matching_key: email
            state_every: 20
            on_removed: {mode: soft_delete}
            query: |
              SELECT email, firstname, lastname FROM read_csv('members.csv', header = true)
              WHERE segment = 'at_risk' ORDER BY email
        """, StandardCharsets.UTF_8);
  }

  private void writeModel() throws Exception {
    StringBuilder csv = new StringBuilder("email,firstname,lastname,segment\n");
    model.forEach((email, row) -> csv.append(email).append(',').append(String.join(",", row)).append('\n'));
    Files.writeString(dir.resolve("members.csv"), csv.toString(), StandardCharsets.UTF_8);
  }

  private SyncResult run(LocalSync.Options options, ConnectorLauncher launcher) throws Exception {
    SyncFile file = new SyncFileLoader().load(dir.resolve("segment.yaml"));
    Path rejected = dir.resolve("rejected");
    Map<String, String> values = new HashMap<>(SandboxEndpoint.fetch(hubspot.baseUrl().toString()).placeholders());
    values.put("run.rejected_dir", rejected.toString());
    String target = SandboxEndpoint.fetch(hubspot.baseUrl().toString()).target();
    return new LocalSync(file, launcher, values, new PrintStream(new ByteArrayOutputStream()),
        options.withSnapshot(file.snapshotPath(), target)).run(++syncId, rejected);
  }

  private SyncResult run() throws Exception {
    return run(LocalSync.Options.plain(), jar());
  }

  private static ConnectorLauncher jar() {
    return JarConnectorLauncher.of(ConnectorJars.locate("hubspot"));
  }

  private List<JsonNode> liveContacts() {
    List<JsonNode> live = new ArrayList<>();
    hubspot.objects("contacts").forEach(c -> {
      if (!c.path("archived").asBoolean()) {
        live.add(c);
      }
    });
    return live;
  }

  private long writeRequests() {
    return hubspot.requests().entries().stream().filter(ChangeCaptureEndToEndTest::isWrite).count();
  }

  private static boolean isWrite(RequestLogEntry entry) {
    return !entry.method().equals("GET") && entry.path().contains("/batch/");
  }

  private Map<String, String> snapshot() throws Exception {
    Map<String, String> keys = new HashMap<>();
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("state/segment.duckdb"));
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT key, CAST(hash AS VARCHAR) FROM snapshot")) {
      while (rows.next()) {
        keys.put(rows.getString(1), rows.getString(2));
      }
    }
    return keys;
  }

  private static StreamResult stream(SyncResult result, String name) {
    return result.streams().stream().filter(s -> s.stream().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void givenAnUnchangedModel_whenSyncedAgain_thenNoRecordIsSent() throws Exception {
    SyncResult first = run();
    assertThat(first.succeeded()).as("%s %s", first.traceError(), first.problems()).isTrue();
    assertThat(stream(first, "at_risk").acknowledged()).isEqualTo(MEMBERS);
    assertThat(stream(first, "at_risk").changes().created()).isEqualTo(MEMBERS);
    hubspot.requests().clear();

    SyncResult second = run();

    assertThat(second.succeeded()).isTrue();
    assertThat(second.sent()).isZero();
    assertThat(stream(second, "at_risk").changes().unchanged()).isEqualTo(MEMBERS);
    assertThat(writeRequests()).isZero();
    assertThat(liveContacts()).hasSize(MEMBERS);
  }

  @Test
  void givenTenChangedRows_whenSyncedAgain_thenExactlyTheTenAreSentAndLand() throws Exception {
    run();
    List<String> changed = new ArrayList<>(model.keySet()).subList(40, 50);
    changed.forEach(email -> model.get(email)[0] = "Renamed");
    writeModel();

    SyncResult second = run();

    assertThat(second.succeeded()).isTrue();
    assertThat(stream(second, "at_risk").sent()).isEqualTo(10);
    assertThat(stream(second, "at_risk").changes().updated()).isEqualTo(10);
    assertThat(stream(second, "at_risk").changes().unchanged()).isEqualTo(MEMBERS - 10);
    assertThat(liveContacts()).filteredOn(c -> c.path("properties").path("firstname").asText().equals("Renamed"))
        .extracting(c -> c.path("properties").path("email").asText())
        .containsExactlyInAnyOrderElementsOf(changed);
    assertThat(run().sent()).isZero();
  }

  @Test
  void givenFiveMembersLeaveTheSegment_whenSyncedAgain_thenTheyAreArchivedInTheDestination() throws Exception {
    run();
    List<String> leaving = new ArrayList<>(model.keySet()).subList(100, 105);
    leaving.forEach(email -> model.get(email)[2] = "healthy");
    writeModel();

    SyncResult second = run();

    assertThat(second.succeeded()).as("%s", second.traceError()).isTrue();
    assertThat(stream(second, "at_risk").sent()).isZero();
    assertThat(stream(second, "at_risk").changes().removed()).isEqualTo(5);
    assertThat(stream(second, "at_risk_removed").acknowledged()).isEqualTo(5);
    assertThat(liveContacts()).hasSize(MEMBERS - 5)
        .noneMatch(c -> leaving.contains(c.path("properties").path("email").asText()));
    assertThat(snapshot()).hasSize(MEMBERS - 5).doesNotContainKeys(leaving.toArray(String[]::new));
    assertThat(run().sent()).isZero();
  }

  @Test
  void givenARunKilledMidSync_whenRunAgain_thenTheRestIsSentAndDestinationAndSnapshotAreExact() throws Exception {
    SyncResult killed = run(LocalSync.Options.plain(), killedAfterStates(jar(), 2));
    assertThat(killed.succeeded()).isFalse();
    assertThat(snapshot()).hasSize(40);

    SyncResult rerun = run();

    assertThat(rerun.succeeded()).as("%s %s", rerun.traceError(), rerun.problems()).isTrue();
    assertThat(stream(rerun, "at_risk").sent()).isEqualTo(MEMBERS - 40);
    assertThat(liveContacts()).hasSize(MEMBERS);
    Map<String, String> afterRerun = snapshot();
    assertThat(afterRerun).hasSize(MEMBERS);
    Files.delete(dir.resolve("state/segment.duckdb"));
    run(LocalSync.Options.plain(), jar());
    assertThat(snapshot()).isEqualTo(afterRerun);
    assertThat(liveContacts()).hasSize(MEMBERS);
  }

  @Test
  void givenAPreview_whenRun_thenNoWriteRequestIsSentAndTheRealRunSendsWhatItShowed() throws Exception {
    hubspot.requests().clear();

    SyncResult preview = run(LocalSync.Options.plain().asPreview(), jar());

    assertThat(preview.succeeded()).as("%s", preview.traceError()).isTrue();
    assertThat(writeRequests()).isZero();
    assertThat(liveContacts()).isEmpty();
    assertThat(preview.previews()).hasSize(2);
    JsonNode report = preview.previews().get(0);
    assertThat(report.path("operation").asText()).isEqualTo("upsert");
    assertThat(report.path("records").asLong()).isEqualTo(MEMBERS);
    assertThat(stream(preview, "at_risk").changes().created()).isEqualTo(MEMBERS);
    assertThat(stream(preview, "at_risk").states()).as("a dry run echoes no STATE").isZero();
    assertThat(stream(preview, "at_risk").acknowledged()).as("read from the dry-run report").isEqualTo(MEMBERS);
    assertThat(stream(preview, "at_risk").rejected()).isZero();

    SyncResult real = run();

    assertThat(stream(real, "at_risk").sent()).isEqualTo(report.path("records").asLong());
    assertThat(stream(real, "at_risk").acknowledged()).isEqualTo(report.path("records").asLong());
    for (JsonNode payload : report.path("payloads")) {
      JsonNode landed = liveContacts().stream()
          .filter(c -> c.path("properties").path("email").asText().equals(payload.path("email").asText()))
          .findFirst().orElseThrow();
      assertThat(landed.path("properties").path("firstname").asText()).isEqualTo(payload.path("firstname").asText());
      assertThat(landed.path("properties").path("lastname").asText()).isEqualTo(payload.path("lastname").asText());
    }
  }

  @Test
  void givenFullResync_whenRunOnAnUnchangedModel_thenEveryRowIsSentAgain() throws Exception {
    run();

    SyncResult again = run(LocalSync.Options.plain().withFullResync(true), jar());

    assertThat(stream(again, "at_risk").sent()).isEqualTo(MEMBERS);
    assertThat(stream(again, "at_risk").changes().updated()).isEqualTo(MEMBERS);
  }

  /** The connector, SIGKILLed when its Nth STATE of a write comes back; later output is never seen. */
  private static ConnectorLauncher killedAfterStates(ConnectorLauncher real, int states) {
    return (invocation, listener) -> {
      if (invocation.command() != ConnectorCommand.WRITE) {
        return real.launch(invocation, listener);
      }
      AtomicReference<ConnectorRun> started = new AtomicReference<>();
      AtomicInteger seen = new AtomicInteger();
      AtomicBoolean killed = new AtomicBoolean();
      ConnectorRun run = real.launch(invocation, message -> {
        if (killed.get()) {
          return;
        }
        listener.onMessage(message);
        // count the segment stream's own states: the companion removal stream echoes its (empty) state too
        boolean segmentState = "STATE".equals(message.path("type").asText())
            && "at_risk".equals(message.path("state").path("stream").path("stream_descriptor").path("name").asText());
        if (segmentState && seen.incrementAndGet() == states) {
          killed.set(true);
          ConnectorRun toKill = started.get();
          if (toKill != null) {
            toKill.kill();
          }
        }
      });
      started.set(run);
      if (killed.get()) {
        run.kill();
      }
      return run;
    };
  }
}
