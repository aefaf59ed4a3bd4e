package io.activationsuite.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.acceptance.connectors.ConnectorDescriptor;
import io.activationsuite.acceptance.harness.CommandResult;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CheckAcceptanceTest extends AcceptanceTestBase {

  private static JsonNode status(CommandResult result) {
    List<com.fasterxml.jackson.databind.node.ObjectNode> statuses = result.ofType("CONNECTION_STATUS");
    assertThat(statuses).as(result.describe()).hasSize(1);
    return statuses.get(0).path("connectionStatus");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(CONNECTORS)
  void validConfigSucceeds(ConnectorDescriptor connector) {
    CommandResult result = harness(connector).check(connector.validConfig(sandbox(connector)));
    assertThat(result.exitCode()).as(result.describe()).isZero();
    assertThat(status(result).path("status").asText()).as(result.describe()).isEqualTo("SUCCEEDED");
    assertNoSecretLeaked(result, connector.secrets(sandbox(connector)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(CONNECTORS)
  void badCredentialsFailWithAMessageAndExitZero(ConnectorDescriptor connector) {
    CommandResult result = harness(connector).check(connector.badCredentialsConfig(sandbox(connector)));
    assertThat(result.exitCode()).as(result.describe()).isZero();
    JsonNode status = status(result);
    assertThat(status.path("status").asText()).as(result.describe()).isEqualTo("FAILED");
    assertThat(status.path("message").asText()).isNotBlank();
    assertNoSecretLeaked(result, connector.secrets(sandbox(connector)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(CONNECTORS)
  void schemaInvalidConfigIsAConfigErrorNamingTheField(ConnectorDescriptor connector) {
    CommandResult result = harness(connector).check(connector.malformedConfig(sandbox(connector)));
    List<JsonNode> errors = result.traceErrors();
    String explanation;
    if (errors.isEmpty()) {
      JsonNode status = status(result);
      assertThat(status.path("status").asText()).as(result.describe()).isEqualTo("FAILED");
      explanation = status.path("message").asText();
    } else {
      assertThat(errors.get(0).path("failure_type").asText()).isEqualTo("config_error");
      explanation = errors.get(0).path("message").asText();
    }
    assertThat(explanation).as(result.describe()).contains(connector.malformedField());
    assertNoSecretLeaked(result, connector.secrets(sandbox(connector)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(CONNECTORS)
  void schemaInvalidConfigFailsDiscoverWithAConfigErrorNamingTheField(ConnectorDescriptor connector) {
    CommandResult result = harness(connector).discover(connector.malformedConfig(sandbox(connector)));
    assertThat(assertConfigError(result)).contains(connector.malformedField());
    assertNoSecretLeaked(result, connector.secrets(sandbox(connector)));
  }
}
