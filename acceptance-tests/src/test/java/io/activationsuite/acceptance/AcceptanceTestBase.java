package io.activationsuite.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.acceptance.capabilities.CapabilityExtension;
import io.activationsuite.acceptance.connectors.ConnectorDescriptor;
import io.activationsuite.acceptance.connectors.Connectors;
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
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One sandbox per emulator per test class, reset before each test; harnesses shared by the JVM. Tests take
 * {@link #CONNECTORS} as their source and declare what they need with
 * {@link io.activationsuite.acceptance.capabilities.Requires}; the {@link CapabilityExtension} reports the
 * others as not applicable and writes the capability matrix.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(CapabilityExtension.class)
public abstract class AcceptanceTestBase {

  /** Every selected connector: the parameter source of connector-parameterised tests. */
  protected static final String CONNECTORS = Connectors.ALL_SOURCE;

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

  /** The running, reset emulator of {@code connector}. */
  protected EmulatorServer sandbox(ConnectorDescriptor connector) {
    return sandboxes.server(connector);
  }

  protected static ConnectorHarness harness(ConnectorDescriptor connector) {
    return HARNESSES.computeIfAbsent(connector.tool(), ConnectorHarness::forTool);
  }

  /** A catalog with one stream per target, named {@code streamNames[i]}. */
  protected static String catalog(long syncId, List<String> streamNames, List<WriteTarget> targets,
      List<? extends JsonNode> samples) {
    ConfiguredCatalogs catalog = ConfiguredCatalogs.forSync(syncId);
    for (int i = 0; i < targets.size(); i++) {
      WriteTarget target = targets.get(i);
      catalog.stream(streamNames.get(i), target.object(), target.syncMode(), target.matchingKey(), samples);
    }
    return catalog.json();
  }

  /**
   * Asserts the run printed no secret value anywhere (stdout messages, other stdout, stderr) except in a
   * CONTROL {@code CONNECTOR_CONFIG} message: that message exists to hand the platform the whole updated
   * config (a rotated refresh token), which the platform stores as a secret.
   */
  protected static void assertNoSecretLeaked(CommandResult result, List<String> secrets) {
    StringBuilder checked = new StringBuilder();
    for (String line : result.allOutput().split("\n", -1)) {
      boolean configUpdate = line.startsWith("{\"type\":\"CONTROL\"")
          && line.contains("\"control\":{\"type\":\"CONNECTOR_CONFIG\"");
      if (!configUpdate) {
        checked.append(line).append('\n');
      }
    }
    String output = checked.toString();
    for (String secret : secrets) {
      assertThat(secret).as("a secret to look for").isNotBlank();
      assertThat(output).as("connector output must not contain a secret value").doesNotContain(secret);
    }
  }

  /** Asserts a successful write: exit 0, no TRACE error, nothing but JSON on stdout, no secret printed. */
  protected void assertSucceeded(ConnectorDescriptor connector, CommandResult result) {
    assertThat(result.exitCode()).as(result.describe()).isZero();
    assertThat(result.traceErrors()).as(result.describe()).isEmpty();
    assertThat(result.nonJsonLines()).as("stdout carries protocol messages only").isEmpty();
    assertNoSecretLeaked(result, connector.secrets(sandbox(connector)));
  }

  /** Asserts the run ended with exactly one config_error TRACE and a non-zero exit; returns its message. */
  protected static String assertConfigError(CommandResult result) {
    assertThat(result.exitCode()).as(result.describe()).isNotZero();
    List<JsonNode> errors = result.traceErrors();
    assertThat(errors).as(result.describe()).hasSize(1);
    assertThat(errors.get(0).path("failure_type").asText()).as(result.describe()).isEqualTo("config_error");
    return errors.get(0).path("message").asText() + " " + errors.get(0).path("internal_message").asText();
  }

  protected static ObjectNode copy(ObjectNode node) {
    return node.deepCopy();
  }
}
