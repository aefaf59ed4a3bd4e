package io.activationsuite.localsync;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds a connector's runnable jar in this repository's build output. */
public final class ConnectorJars {
  private ConnectorJars() {}

  /**
   * The jar of {@code destination}: {@code airbyte-integrations/connectors/destination-<name>/target/
   * destination-<name>.jar} under the repository root ({@code -Dactivation.home}, or found by walking up
   * from the working directory).
   */
  public static Path locate(String destination) {
    Path root = repositoryRoot();
    Path jar = root.resolve("airbyte-integrations/connectors/destination-" + destination + "/target/destination-"
        + destination + ".jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException("No connector jar at " + jar + ": build it with ./mvnw package -DskipTests"
          + " (bin/demo does) or run with --docker");
    }
    return jar;
  }

  static Path repositoryRoot() {
    String home = System.getProperty("activation.home");
    if (home != null) {
      return Path.of(home);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("airbyte-integrations/connectors"))) {
        return dir;
      }
    }
    throw new IllegalArgumentException("Cannot find the repository root; set -Dactivation.home");
  }
}
