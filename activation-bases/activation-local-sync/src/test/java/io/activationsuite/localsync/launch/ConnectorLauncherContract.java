package io.activationsuite.localsync.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Behaviour every {@link ConnectorLauncher} must show, run against the fake connector. */
abstract class ConnectorLauncherContract {

  static final Duration TIMEOUT = Duration.ofSeconds(60);

  abstract ConnectorLauncher launcher();

  @Test
  void spec_deliversJsonMessagesSeparatelyFromTextAndKeepsStderr() throws Exception {
    CollectingOutputListener output = new CollectingOutputListener();
    try (ConnectorRun run = launcher().launch(ConnectorInvocation.spec(), output)) {
      assertThat(run.waitFor(TIMEOUT)).isZero();
      assertThat(output.messagesOfType("SPEC")).hasSize(1);
      assertThat(output.messages()).hasSize(1);
      assertThat(output.nonJsonLines()).containsExactly("starting spec");
      assertThat(run.nonJsonStdoutTail()).isEqualTo("starting spec");
      assertThat(run.stderrTail()).contains("log: spec");
    }
  }

  @Test
  void check_readsTheConfigFileAndTheGivenEnvironment() throws Exception {
    CollectingOutputListener output = new CollectingOutputListener();
    ConnectorInvocation check = ConnectorInvocation.check("{\"greeting\":\"héllo\"}")
        .withEnvironment(Map.of("FAKE_ENV", "from-env"));
    try (ConnectorRun run = launcher().launch(check, output)) {
      assertThat(run.waitFor(TIMEOUT)).isZero();
      ObjectNode status = output.messagesOfType("CONNECTION_STATUS").getFirst();
      assertThat(status.path("config").path("greeting").asText()).isEqualTo("héllo");
      assertThat(status.path("env").asText()).isEqualTo("from-env");
    }
  }

  @Test
  void write_feedsStdinLinesInOrderAndReadsTheCatalog() throws Exception {
    CollectingOutputListener output = new CollectingOutputListener();
    try (ConnectorRun run = launcher().launch(ConnectorCommand.WRITE, "{}", "{\"streams\":[]}", output)) {
      run.writeLine("{\"type\":\"RECORD\",\"n\":1}");
      run.writeLine("second line");
      run.closeStdin();
      assertThat(run.waitFor(TIMEOUT)).isZero();
      assertThat(output.messagesOfType("ECHO")).extracting(message -> message.path("line").asText())
          .containsExactly("{\"type\":\"RECORD\",\"n\":1}", "second line");
      ObjectNode state = output.messagesOfType("STATE").getFirst();
      assertThat(state.path("count").asInt()).isEqualTo(2);
      assertThat(state.path("catalog").has("streams")).isTrue();
    }
  }

  @Test
  void aFailingConnectorsExitCodeIsReturned() throws Exception {
    try (ConnectorRun run = launcher().launch(ConnectorInvocation.check("{\"fail\":true}"),
        ConnectorOutputListener.IGNORE)) {
      assertThat(run.waitFor(TIMEOUT)).isEqualTo(3);
    }
  }

  @Test
  void kill_stopsAHangingConnector() throws Exception {
    CountDownLatch hanging = new CountDownLatch(1);
    try (ConnectorRun run = launcher().launch(ConnectorInvocation.check("{\"hang\":true}"), message -> {
      if (message.path("log").path("message").asText().equals("hanging")) {
        hanging.countDown();
      }
    })) {
      assertThat(hanging.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
      assertThat(run.isAlive()).isTrue();
      run.kill();
      assertThat(run.waitFor(TIMEOUT)).isNotZero();
      assertThat(run.isAlive()).isFalse();
    }
  }

  @Test
  void aFailingListenerKillsTheConnectorAndFailsWaitFor() {
    ConnectorOutputListener failing = message -> {
      throw new IllegalStateException("listener broke");
    };
    try (ConnectorRun run = launcher().launch(ConnectorInvocation.check("{\"hang\":true}"), failing)) {
      assertThatThrownBy(() -> run.waitFor(TIMEOUT))
          .isInstanceOf(ConnectorLaunchException.class)
          .hasRootCauseMessage("listener broke");
    }
  }
}
