package io.activationsuite.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.activationsuite.acceptance.connectors.ConnectorDescriptor;
import io.activationsuite.acceptance.harness.AcceptanceTarget;
import io.activationsuite.acceptance.harness.ConnectorHarness;
import io.activationsuite.acceptance.harness.ConnectorImages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The image conventions the platform relies on (Docker mode only: jar mode has no image). */
class ImageAcceptanceTest extends AcceptanceTestBase {

  private static final long MAX_IMAGE_BYTES = 80L * 1000 * 1000;

  /** {@code docker image inspect} of the connector's image (the CLI: no registry, no helper container). */
  private static JsonNode inspect(ConnectorDescriptor connector) throws IOException, InterruptedException {
    assumeTrue(AcceptanceTarget.current() == AcceptanceTarget.DOCKER, "image checks run in Docker mode");
    ConnectorImages.ensureBuilt();
    Process process = new ProcessBuilder("docker", "image", "inspect", ConnectorHarness.image(connector.tool()))
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    process.getOutputStream().close();
    String json = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(1, TimeUnit.MINUTES)).as("docker image inspect finished").isTrue();
    assertThat(process.exitValue()).as("docker image inspect " + ConnectorHarness.image(connector.tool())).isZero();
    return new ObjectMapper().readTree(json).get(0);
  }

  private static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(CONNECTORS)
  void airbyteEntrypointEqualsTheEntrypointAndIsAbsolute(ConnectorDescriptor connector) throws Exception {
    JsonNode config = inspect(connector).path("Config");
    List<String> entrypoint = texts(config.path("Entrypoint"));
    String variable = texts(config.path("Env")).stream().filter(e -> e.startsWith("AIRBYTE_ENTRYPOINT="))
        .map(e -> e.substring("AIRBYTE_ENTRYPOINT=".length())).findFirst().orElse(null);
    assertThat(entrypoint).as("ENTRYPOINT").isNotEmpty();
    assertThat(variable).as("AIRBYTE_ENTRYPOINT").isNotBlank();
    assertThat(variable).isEqualTo(String.join(" ", entrypoint));
    assertThat(entrypoint.get(0)).as("absolute executable").startsWith("/");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(CONNECTORS)
  void imageRunsAsTheAirbyteUserAndCarriesTheLabels(ConnectorDescriptor connector) throws Exception {
    JsonNode config = inspect(connector).path("Config");
    assertThat(config.path("User").asText()).as("the platform runs connectors as uid 1000").isIn("1000", "1000:1000");
    JsonNode labels = config.path("Labels");
    assertThat(labels.path("io.airbyte.name").asText()).endsWith("destination-" + connector.tool());
    assertThat(labels.path("io.airbyte.version").asText()).as("io.airbyte.version").isNotBlank();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(CONNECTORS)
  void imageIsSmallerThan80Megabytes(ConnectorDescriptor connector) throws Exception {
    long size = inspect(connector).path("Size").asLong();
    System.err.printf("acceptance: image %s is %.1f MB%n", ConnectorHarness.image(connector.tool()),
        size / 1_000_000.0);
    assertThat(size).as("image size in bytes").isPositive().isLessThan(MAX_IMAGE_BYTES);
  }
}
