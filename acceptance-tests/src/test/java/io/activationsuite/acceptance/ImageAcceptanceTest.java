package io.activationsuite.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.model.ContainerConfig;
import io.activationsuite.acceptance.connectors.ConnectorDescriptor;
import io.activationsuite.acceptance.harness.AcceptanceTarget;
import io.activationsuite.acceptance.harness.ConnectorHarness;
import io.activationsuite.acceptance.harness.ConnectorImages;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.testcontainers.DockerClientFactory;

/** The image conventions the platform relies on (Docker mode only: jar mode has no image). */
class ImageAcceptanceTest extends AcceptanceTestBase {

  private static final long MAX_IMAGE_BYTES = 80L * 1000 * 1000;

  private static InspectImageResponse inspect(ConnectorDescriptor connector) {
    assumeTrue(AcceptanceTarget.current() == AcceptanceTarget.DOCKER, "image checks run in Docker mode");
    ConnectorImages.ensureBuilt();
    return DockerClientFactory.instance().client().inspectImageCmd(ConnectorHarness.image(connector.tool())).exec();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(CONNECTORS)
  void airbyteEntrypointEqualsTheEntrypointAndIsAbsolute(ConnectorDescriptor connector) {
    ContainerConfig config = inspect(connector).getConfig();
    List<String> entrypoint = Arrays.asList(config.getEntrypoint());
    String variable = Arrays.stream(config.getEnv()).filter(e -> e.startsWith("AIRBYTE_ENTRYPOINT="))
        .map(e -> e.substring("AIRBYTE_ENTRYPOINT=".length())).findFirst().orElse(null);
    assertThat(variable).as("AIRBYTE_ENTRYPOINT").isNotBlank();
    assertThat(variable).isEqualTo(String.join(" ", entrypoint));
    assertThat(entrypoint.get(0)).as("absolute executable").startsWith("/");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(CONNECTORS)
  void imageRunsAsTheAirbyteUserAndCarriesTheLabels(ConnectorDescriptor connector) {
    ContainerConfig config = inspect(connector).getConfig();
    assertThat(config.getUser()).as("the platform runs connectors as uid 1000").isIn("1000", "1000:1000");
    Map<String, String> labels = config.getLabels();
    assertThat(labels).containsKeys("io.airbyte.name", "io.airbyte.version");
    assertThat(labels.get("io.airbyte.name")).endsWith("destination-" + connector.tool());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(CONNECTORS)
  void imageIsSmallerThan80Megabytes(ConnectorDescriptor connector) {
    long size = inspect(connector).getSize();
    System.err.printf("acceptance: image %s is %.1f MB%n", ConnectorHarness.image(connector.tool()),
        size / 1_000_000.0);
    assertThat(size).as("image size in bytes").isLessThan(MAX_IMAGE_BYTES);
  }
}
