package io.activationsuite.localsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.activationsuite.localsync.launch.ConnectorLauncher;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local runner's errors a user can act on: one line each, found before any connector starts. */
class RunnerErrorsTest {
  @TempDir Path dir;

  private static final ConnectorLauncher NEVER = (invocation, listener) -> {
    throw new AssertionError("no connector may start: " + invocation);
  };

  private Path syncFile(String streamsYaml) throws Exception {
    return Files.writeString(dir.resolve("sync.yaml"), """
        destination: hubspot
        config_inline: {base_url: "http://127.0.0.1:1"}
        streams:
        """ + streamsYaml, StandardCharsets.UTF_8);
  }

  @Test
  void givenAMissingSyncFile_whenLoaded_thenTheErrorSaysNotFoundWithThePath() {
    Path missing = dir.resolve("nope.yaml");

    assertThatThrownBy(() -> new SyncFileLoader().load(missing))
        .isInstanceOf(UserError.class).hasMessage("not found: " + missing);
  }

  @Test
  void givenATypoInAStreamKey_whenLoaded_thenTheErrorNamesTheKeyAndTheAllowedOnes() throws Exception {
    Path file = syncFile("""
          - name: people
            object: contacts
            mode: append
            qeury: SELECT 1
        """);

    assertThatThrownBy(() -> new SyncFileLoader().load(file))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("unknown key 'qeury'")
        .hasMessageContaining("line 7")
        .hasMessageContaining("query").hasMessageContaining("matching_key").hasMessageContaining("on_removed");
  }

  @Test
  void givenAMissingConfigFile_whenRun_thenNotFoundNamesIt() throws Exception {
    Path file = Files.writeString(dir.resolve("sync.yaml"), """
        destination: hubspot
        config: hubspot.json
        streams:
          - {name: people, object: contacts, mode: append, query: SELECT 1 AS email}
        """, StandardCharsets.UTF_8);
    LocalSync sync = new LocalSync(new SyncFileLoader().load(file), NEVER, Map.of(),
        new PrintStream(new ByteArrayOutputStream()), LocalSync.Options.plain());

    assertThatThrownBy(() -> sync.run(1, dir.resolve("rejected")))
        .isInstanceOf(UserError.class).hasMessageStartingWith("not found: " + dir.resolve("hubspot.json"));
  }

  @Test
  void givenASqlErrorInTheSecondStream_whenRun_thenTheErrorNamesThatStreamBeforeAnyConnectorStarts()
      throws Exception {
    Path file = syncFile("""
          - {name: good, object: contacts, mode: append, query: "SELECT 1 AS email"}
          - name: scores
            object: contacts
            mode: append
            query: SELECT emial FROM (SELECT 'a' AS email)
        """);
    LocalSync sync = new LocalSync(new SyncFileLoader().load(file), NEVER, Map.of(),
        new PrintStream(new ByteArrayOutputStream()), LocalSync.Options.plain());

    assertThatThrownBy(() -> sync.run(1, dir.resolve("rejected")))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("stream 'scores'")
        .hasMessageContaining("emial");
  }

  @Test
  void givenAFieldsMappingNamingAMissingColumn_whenRun_thenTheErrorNamesTheStreamAndColumn() throws Exception {
    Path file = syncFile("""
          - name: people
            object: contacts
            mode: append
            query: SELECT 'a@b.c' AS email
            fields: {emial: email}
        """);
    LocalSync sync = new LocalSync(new SyncFileLoader().load(file), NEVER, Map.of(),
        new PrintStream(new ByteArrayOutputStream()), LocalSync.Options.plain());

    assertThatThrownBy(() -> sync.run(1, dir.resolve("rejected")))
        .isInstanceOf(UserError.class).hasMessageContaining("stream 'people'").hasMessageContaining("emial");
  }

  @Test
  void givenAnUnexpectedFailure_whenReported_thenOneLineWithoutStackTraceSaysHowToSeeIt() {
    String message = LocalSyncMain.userMessage(new IllegalStateException("boom"));

    assertThat(message).isEqualTo("IllegalStateException: boom (set LOCAL_SYNC_DEBUG=1 to see the stack trace)");
  }

  @Test
  void givenAMissingSyncFileOnTheCommandLine_whenRun_thenExitTwoAndOneErrorLine() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream saved = System.err;
    int exit;
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      exit = LocalSyncMain.commandLine().execute("run", dir.resolve("missing.yaml").toString());
    } finally {
      System.setErr(saved);
    }

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8).strip())
        .isEqualTo("error: not found: " + dir.resolve("missing.yaml"));
  }
}
