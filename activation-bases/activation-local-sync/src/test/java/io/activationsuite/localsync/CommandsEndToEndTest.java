package io.activationsuite.localsync;

import static org.assertj.core.api.Assertions.assertThat;

import io.activationsuite.localsync.launch.JarConnectorLauncher;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.junit.SandboxTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner's commands against the HubSpot sandbox with the real connector jar: {@code objects}, a run
 * on a sandbox that outlives it ({@code --sandbox-url}), an unknown object, and a run where nothing landed.
 */
@SandboxTest("hubspot")
class CommandsEndToEndTest {
  private EmulatorServer hubspot;

  @TempDir Path dir;

  @BeforeEach
  void sandbox(EmulatorServer server) {
    hubspot = server;
  }

  private Path syncFile(String object, String query) throws Exception {
    return syncFile(object, query, "");
  }

  private Path syncFile(String object, String query, String extra) throws Exception {
    return Files.writeString(dir.resolve("people.yaml"), """
        destination: hubspot
        config_inline:
          credentials: {auth_type: private_app, access_token: "${sandbox.private_app_token}"}
          base_url: "${sandbox.base_url}"
          object_storage_config: {storage_type: Local, local_directory: "${run.rejected_dir}"}
        streams:
          - name: people
            object: %s
            mode: append_dedup
            matching_key: email
            query: %s
        %s""".formatted(object, query, extra), StandardCharsets.UTF_8);
  }

  private static final String TEN_PEOPLE =
      "\"SELECT 'p' || i || '@example.com' AS email, 'P' || i AS firstname FROM range(10) t(i)\"";

  /** Runs the command line with stdout captured; returns the exit code and keeps the output. */
  private int execute(ByteArrayOutputStream out, String... args) {
    PrintStream saved = System.out;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      return LocalSyncMain.commandLine().execute(args);
    } finally {
      System.setOut(saved);
    }
  }

  /** {@code run} of {@code file} on this test's sandbox. */
  private int runOnSandbox(ByteArrayOutputStream out, Path file) {
    return execute(out, "run", "--no-progress", "--sandbox-url", hubspot.baseUrl().toString(), "--output",
        dir.toString(), file.toString());
  }

  @Test
  void givenTheHubSpotConnector_whenObjectsAreListed_thenContactsShowModesKeysAndFieldsWithinHundredColumns()
      throws Exception {
    Map<String, String> values = new HashMap<>(SandboxEndpoint.fetch(hubspot.baseUrl().toString()).placeholders());
    values.put("run.rejected_dir", dir.toString());
    String config = Placeholders.resolve(LocalSync.configOf(new SyncFileLoader().load(syncFile("contacts", "x"))),
        values).toString();

    var catalog = ObjectsCommand.discover(JarConnectorLauncher.of(ConnectorJars.locate("hubspot")), config);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ObjectsCommand.print(new PrintStream(out, true, StandardCharsets.UTF_8), Terminal.plain(), catalog, "contacts");

    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(text).contains("contacts").contains("mode append_dedup").contains("matching keys: email")
        .contains("mode soft_delete").contains("firstname").contains("lifecyclestage").contains("one of: ");
    assertThat(text.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(Terminal.WIDTH));
  }

  @Test
  void givenASandboxThatOutlivesRuns_whenRunTwice_thenTheSecondRunSendsNothingAndTheSnapshotSitsNextToTheFile()
      throws Exception {
    Path file = syncFile("contacts", TEN_PEOPLE);
    String url = hubspot.baseUrl().toString();
    ByteArrayOutputStream first = new ByteArrayOutputStream();
    ByteArrayOutputStream second = new ByteArrayOutputStream();

    int firstExit = execute(first, "run", "--no-progress", "--sandbox-url", url, "--output", dir.toString(),
        file.toString());
    int secondExit = execute(second, "run", "--no-progress", "--sandbox-url", url, "--output", dir.toString(),
        file.toString());

    assertThat(firstExit).as(first.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(first.toString(StandardCharsets.UTF_8))
        .contains("people: 10 created, 0 updated, 0 removed, 0 unchanged")
        .contains("the hubspot sandbox now holds 10 contacts records");
    assertThat(secondExit).isZero();
    assertThat(second.toString(StandardCharsets.UTF_8))
        .contains("people: 0 created, 0 updated, 0 removed, 10 unchanged");
    assertThat(dir.resolve(".local-sync/people.snapshot.duckdb")).exists();
  }

  private static final String OWNED_PEOPLE = "\"SELECT 'p' || i || '@example.com' AS email, CASE WHEN i = 0 THEN"
      + " 'erin@example.com' ELSE 'alice@example.com' END AS hubspot_owner_id FROM range(3) t(i)\"";

  @Test
  void givenALookupInTheSyncFile_whenRun_thenOwnersLandAsIdsAndAnUnknownOwnerIsRejectedWithItsReason()
      throws Exception {
    Path file = syncFile("contacts", OWNED_PEOPLE, "    lookups: {hubspot_owner_id: owner_by_email}\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    int exit = runOnSandbox(out, file);

    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(exit).as(text).isZero();
    assertThat(hubspot.objects("contacts")).hasSize(2).allSatisfy(c ->
        assertThat(c.path("properties").path("hubspot_owner_id").asText()).isEqualTo("101"));
    assertThat(text).contains("LOOKUP_NOT_FOUND").contains("erin@example.com");
    assertThat(text.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(Terminal.WIDTH));
  }

  @Test
  void givenALookupTheConnectorDoesNotOffer_whenRun_thenCheckStopsTheRunNamingItBeforeAnythingIsWritten()
      throws Exception {
    Path file = syncFile("contacts", OWNED_PEOPLE, "    lookups: {hubspot_owner_id: owner_by_mail}\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    int exit = runOnSandbox(out, file);

    assertThat(exit).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("check failed").contains("owner_by_mail")
        .contains("owner_by_email");
    assertThat(hubspot.requests().entries()).noneMatch(e -> e.path().contains("/batch/"));
  }

  @Test
  void givenALookupOnAFieldTheQueryLacks_whenRun_thenTheErrorNamesTheStreamAndTheColumns() throws Exception {
    Path file = syncFile("contacts", TEN_PEOPLE, "    lookups: {hubspot_owner_id: owner_by_email}\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream saved = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit;
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      exit = runOnSandbox(out, file);
    } finally {
      System.setErr(saved);
    }

    assertThat(exit).isNotZero();
    assertThat(out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8))
        .contains("stream 'people'").contains("'lookups' names 'hubspot_owner_id'").contains("email, firstname");
    assertThat(hubspot.requests().entries()).isEmpty();
  }

  @Test
  void givenAnUnknownObject_whenRun_thenTheRunEndsWithTheConnectorsMessage() throws Exception {
    Path file = syncFile("contactz", TEN_PEOPLE);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    int exit = execute(out, "run", "--no-progress", "--sandbox", "--output", dir.toString(), file.toString());

    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(exit).isEqualTo(1);
    assertThat(text).contains("sync FAILED").contains("connector error: config_error").contains("contactz");
  }

  @Test
  void givenEveryRowRejected_whenRun_thenNothingLandedIsLoudAndTheExitIsOneUnlessAllowed() throws Exception {
    Path file = syncFile("contacts", "\"SELECT 'not-an-email-' || i AS email FROM range(5) t(i)\"");
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    int exit = execute(out, "run", "--no-progress", "--sandbox", "--output", dir.toString(), file.toString());
    int allowed = execute(new ByteArrayOutputStream(), "run", "--no-progress", "--sandbox", "--allow-nothing-landed",
        "--output", dir.toString(), file.toString());

    assertThat(out.toString(StandardCharsets.UTF_8)).contains("NOTHING LANDED: all 5 records sent were rejected")
        .contains("INVALID_VALUE");
    assertThat(exit).isEqualTo(1);
    assertThat(allowed).isZero();
  }
}
