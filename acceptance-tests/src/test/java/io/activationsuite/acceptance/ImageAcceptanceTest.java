package io.activationsuite.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.model.ContainerConfig;
import io.activationsuite.acceptance.connectors.ConnectorDescriptor;
import io.activationsuite.acceptance.harness.AcceptanceTarget;
import io.activationsuite.acceptance.harness.ConnectorHarness;
import io.activationsuite.acceptance.harness.ConnectorImages;
import io.activationsuite.acceptance.harness.DockerEngine;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The image conventions the platform relies on (Docker mode only: jar mode has no image). */
class ImageAcceptanceTest extends AcceptanceTestBase {

  private static final long MAX_IMAGE_BYTES = 80L * 1000 * 1000;

  /** The engine's inspection of the connector's image (Testcontainers' docker-java client). */
  private static InspectImageResponse inspect(ConnectorDescriptor connector) {
    assumeTrue(AcceptanceTarget.current() == AcceptanceTarget.DOCKER, "image checks run in Docker mode");
    ConnectorImages.ensureBuilt();
    return DockerEngine.inspectImage(ConnectorHarness.image(connector.tool()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(CONNECTORS)
  void airbyteEntrypointEqualsTheEntrypointAndIsAbsolute(ConnectorDescriptor connector) {
    ContainerConfig config = inspect(connector).getConfig();
    List<String> entrypoint = List.of(Optional.ofNullable(config.getEntrypoint()).orElse(new String[0]));
    String variable = Arrays.stream(Optional.ofNullable(config.getEnv()).orElse(new String[0]))
        .filter(e -> e.startsWith("AIRBYTE_ENTRYPOINT=")).map(e -> e.substring("AIRBYTE_ENTRYPOINT=".length()))
        .findFirst().orElse(null);
    assertThat(entrypoint).as("ENTRYPOINT").isNotEmpty();
    assertThat(variable).as("AIRBYTE_ENTRYPOINT").isNotBlank();
    assertThat(variable).isEqualTo(String.join(" ", entrypoint));
    assertThat(entrypoint.get(0)).as("absolute executable").startsWith("/");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(CONNECTORS)
  void imageRunsAsTheAirbyteUserAndCarriesTheLabels(ConnectorDescriptor connector) {
    ContainerConfig config = inspect(connector).getConfig();
    assertThat(config.getUser()).as("the platform runs connectors as uid 1000").isIn("1000", "1000:1000");
    Map<String, String> labels = Optional.ofNullable(config.getLabels()).orElse(Map.of());
    assertThat(labels.get("io.airbyte.name")).endsWith("destination-" + connector.tool());
    assertThat(labels.get("io.airbyte.version")).as("io.airbyte.version").isNotBlank();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(CONNECTORS)
  void imageIsSmallerThan80Megabytes(ConnectorDescriptor connector) {
    long size = Optional.ofNullable(inspect(connector).getSize()).orElse(0L);
    System.err.printf("acceptance: image %s is %.1f MB%n", ConnectorHarness.image(connector.tool()),
        size / 1_000_000.0);
    assertThat(size).as("image size in bytes").isPositive().isLessThan(MAX_IMAGE_BYTES);
  }
}
