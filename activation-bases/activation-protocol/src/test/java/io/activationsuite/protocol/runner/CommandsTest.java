package io.activationsuite.protocol.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.protocol.secrets.SecretRedactor;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandsTest {
  private static final String SECRET = "sk-very-secret-value-42";

  @TempDir Path dir;
  RunnerHarness harness;

  @BeforeEach
  void setUp() {
    harness = new RunnerHarness(dir);
  }

  @AfterEach
  void tearDown() {
    SecretRedactor.clearForTests();
  }

  @Test
  void specPrintsExactlyOneSpecMessage() {
    assertThat(harness.run("", "spec")).isZero();

    assertThat(harness.messages()).hasSize(1);
    JsonNode spec = harness.messages("SPEC").get(0).path("spec");
    assertThat(spec.path("connectionSpecification").path("properties").path("api_key").path("airbyte_secret")
        .asBoolean()).isTrue();
    assertThat(spec.path("supported_destination_sync_modes").get(0).asText()).isEqualTo("append");
  }

  @Test
  void givenValidConfig_whenCheck_thenSucceeded() {
    Path config = harness.file("c.json", "{\"api_key\":\"" + SECRET + "\"}");

    assertThat(harness.run("", "check", "--config", config.toString())).isZero();
    assertThat(harness.messages("CONNECTION_STATUS").get(0).path("connectionStatus").path("status").asText())
        .isEqualTo("SUCCEEDED");
  }

  @Test
  void givenConfigMissingARequiredField_whenCheck_thenFailedNamingTheField() {
    Path config = harness.file("c.json", "{\"mode\":\"immediate\"}");

    harness.run("", "check", "--config", config.toString());

    JsonNode status = harness.messages("CONNECTION_STATUS").get(0).path("connectionStatus");
    assertThat(status.path("status").asText()).isEqualTo("FAILED");
    assertThat(status.path("message").asText()).contains("api_key");
  }

  @Test
  void givenConfigWithAWrongEnumValue_whenWrite_thenConfigErrorTraceNamingTheField() {
    Path config = harness.file("c.json", "{\"api_key\":\"" + SECRET + "\",\"mode\":\"sideways\"}");
    Path catalog = harness.file("cat.json", Messages.catalog("users"));

    int exit = harness.run("", "write", "--config", config.toString(), "--catalog", catalog.toString());

    assertThat(exit).isNotZero();
    JsonNode error = harness.messages("TRACE").get(0).path("trace").path("error");
    assertThat(error.path("failure_type").asText()).isEqualTo("config_error");
    assertThat(error.path("message").asText()).contains("mode");
    assertThat(harness.stdout()).doesNotContain(SECRET);
  }

  @Test
  void givenConfigThatIsNotJson_whenDiscover_thenConfigError() {
    Path config = harness.file("c.json", "{not json");

    assertThat(harness.run("", "discover", "--config", config.toString())).isNotZero();
    assertThat(harness.messages("TRACE").get(0).path("trace").path("error").path("failure_type").asText())
        .isEqualTo("config_error");
  }

  @Test
  void givenRefusedCredentials_whenCheck_thenFailedWithExitZeroAndTheSecretRedacted() {
    Path config = harness.file("c.json", "{\"api_key\":\"" + SECRET + "\",\"fail_check\":\"config\"}");

    assertThat(harness.run("", "check", "--config", config.toString())).isZero();
    JsonNode status = harness.messages("CONNECTION_STATUS").get(0).path("connectionStatus");
    assertThat(status.path("status").asText()).isEqualTo("FAILED");
    assertThat(status.path("message").asText()).contains("refused").contains(SecretRedactor.MASK);
    assertThat(harness.stdout()).doesNotContain(SECRET);
  }

  @Test
  void givenAConnectorBugDuringCheck_whenCheck_thenSystemErrorTraceWithoutTheSecret() {
    Path config = harness.file("c.json", "{\"api_key\":\"" + SECRET + "\",\"fail_check\":\"bug\"}");

    assertThat(harness.run("", "check", "--config", config.toString())).isNotZero();
    JsonNode error = harness.messages("TRACE").get(0).path("trace").path("error");
    assertThat(error.path("failure_type").asText()).isEqualTo("system_error");
    assertThat(error.path("internal_message").asText()).contains("unexpected state");
    assertThat(harness.stdout()).doesNotContain(SECRET);
  }

  @Test
  void discoverPrintsOneDestinationCatalog() {
    Path config = harness.file("c.json", "{\"api_key\":\"" + SECRET + "\"}");

    assertThat(harness.run("", "discover", "--config", config.toString())).isZero();
    assertThat(harness.messages("DESTINATION_CATALOG")).hasSize(1);
    assertThat(harness.messages("DESTINATION_CATALOG").get(0).path("destination_catalog").path("operations")
        .get(0).path("object_name").asText()).isEqualTo("widgets");
  }

  @Test
  void givenUnknownCommand_whenRun_thenConfigErrorAndNonZeroExit() {
    assertThat(harness.run("", "read", "--config", "x")).isNotZero();
    assertThat(harness.messages("TRACE").get(0).path("trace").path("error").path("failure_type").asText())
        .isEqualTo("config_error");
  }
}
