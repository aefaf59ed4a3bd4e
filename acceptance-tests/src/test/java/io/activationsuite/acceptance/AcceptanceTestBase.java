package io.activationsuite.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.acceptance.connectors.ConnectorDescriptor;
import io.activationsuite.acceptance.connectors.WriteTarget;
import io.activationsuite.acceptance.harness.CommandResult;
import io.activationsuite.acceptance.harness.ConnectorHarness;
import io.activationsuite.acceptance.harness.SandboxPool;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.testkit.messages.ConfiguredCatalogs;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/** One sandbox per emulator per test class, reset before each test; harnesses shared by the JVM. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AcceptanceTestBase {

  static final String CONNECTORS = "io.activationsuite.acceptance.connectors.Connectors#all";

  private static final Map<String, ConnectorHarness> HARNESSES = new ConcurrentHashMap<>();

  private final SandboxPool sandboxes = new SandboxPool();

  @BeforeEach
  void resetSandboxes() {
    sandboxes.resetAll();
  }

  @AfterAll
  void closeSandboxes() {
    sandboxes.close();
  }

  EmulatorServer sandbox(ConnectorDescriptor connector) {
    return sandboxes.server(connector.emulator());
  }

  static ConnectorHarness harness(ConnectorDescriptor connector) {
    return HARNESSES.computeIfAbsent(connector.tool(), ConnectorHarness::forTool);
  }

  /** A catalog with one stream per target, named {@code streamNames[i]}. */
  static String catalog(long syncId, List<String> streamNames, List<WriteTarget> targets,
      List<? extends JsonNode> samples) {
    ConfiguredCatalogs catalog = ConfiguredCatalogs.forSync(syncId);
    for (int i = 0; i < targets.size(); i++) {
      WriteTarget target = targets.get(i);
      catalog.stream(streamNames.get(i), target.object(), target.syncMode(), target.matchingKey(), samples);
    }
    return catalog.json();
  }

  /** Asserts the run printed no secret value anywhere (stdout messages, other stdout, stderr). */
  static void assertNoSecretLeaked(CommandResult result, List<String> secrets) {
    String output = result.allOutput();
    for (String secret : secrets) {
      assertThat(secret).as("a secret to look for").isNotBlank();
      assertThat(output).as("connector output must not contain a secret value").doesNotContain(secret);
    }
  }

  /** Asserts a successful write: exit 0, no TRACE error, nothing but JSON on stdout, no secret printed. */
  void assertSucceeded(ConnectorDescriptor connector, CommandResult result) {
    assertThat(result.exitCode()).as(result.describe()).isZero();
    assertThat(result.traceErrors()).as(result.describe()).isEmpty();
    assertThat(result.nonJsonLines()).as("stdout carries protocol messages only").isEmpty();
    assertNoSecretLeaked(result, connector.secrets(sandbox(connector)));
  }

  /** Asserts the run ended with exactly one config_error TRACE and a non-zero exit; returns its message. */
  static String assertConfigError(CommandResult result) {
    assertThat(result.exitCode()).as(result.describe()).isNotZero();
    List<JsonNode> errors = result.traceErrors();
    assertThat(errors).as(result.describe()).hasSize(1);
    assertThat(errors.get(0).path("failure_type").asText()).as(result.describe()).isEqualTo("config_error");
    return errors.get(0).path("message").asText() + " " + errors.get(0).path("internal_message").asText();
  }

  static ObjectNode copy(ObjectNode node) {
    return node.deepCopy();
  }
}
