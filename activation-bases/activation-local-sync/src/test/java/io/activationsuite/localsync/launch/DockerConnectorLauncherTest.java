package io.activationsuite.localsync.launch;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the launcher contract against an image built from the fake connector on the local base image;
 * skipped (with the reason) where no Docker engine answers or the base image was not built.
 */
class DockerConnectorLauncherTest extends ConnectorLauncherContract {

  static final String BASE_IMAGE = "activation-suite/java-connector-base:local";
  static final String TEST_IMAGE = "activation-suite/launcher-test-connector:test";

  @TempDir
  static Path context;

  @BeforeAll
  static void buildImage() throws Exception {
    assumeTrue(DockerConnectorLauncher.engineAvailable("docker"),
        "no Docker engine answers 'docker info': run .ci/docker-setup.sh to test the Docker launcher");
    assumeTrue(docker(List.of("image", "inspect", BASE_IMAGE)) == 0,
        "no " + BASE_IMAGE + " image: run bin/build-images (or its base build.sh) to test the Docker launcher");
    FakeConnectorJar.build(context);
    Files.writeString(context.resolve("Dockerfile"), """
        FROM %s
        COPY --chown=1000:1000 %s /airbyte/connector.jar
        USER 1000:1000
        ENTRYPOINT ["/opt/java/openjdk/bin/java", "-jar", "/airbyte/connector.jar"]
        """.formatted(BASE_IMAGE, FakeConnectorJar.JAR_NAME), StandardCharsets.UTF_8);
    if (docker(List.of("build", "-q", "-t", TEST_IMAGE, context.toString())) != 0) {
      throw new IllegalStateException("docker build of the test connector image failed");
    }
  }

  @AfterAll
  static void removeImage() throws Exception {
    docker(List.of("image", "rm", "-f", TEST_IMAGE));
  }

  @Override
  ConnectorLauncher launcher() {
    return DockerConnectorLauncher.of(TEST_IMAGE);
  }

  private static int docker(List<String> arguments) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("docker"));
    command.addAll(arguments);
    Process process = new ProcessBuilder(command)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return -1;
    }
    return process.exitValue();
  }
}
