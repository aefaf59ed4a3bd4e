package io.activationsuite.acceptance.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The suite's settings, from system properties set by the module's surefire configuration. */
public final class AcceptanceSettings {

  private AcceptanceSettings() {
  }

  /** The repository root (where {@code bin/build-images} and the connector modules are). */
  public static Path repositoryRoot() {
    Path configured = Path.of(System.getProperty("acceptance.root", "..")).toAbsolutePath().normalize();
    if (Files.isDirectory(configured.resolve("airbyte-integrations"))) {
      return configured;
    }
    Path here = Path.of("").toAbsolutePath();
    for (Path dir = here; dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("airbyte-integrations")) && Files.isRegularFile(dir.resolve("mvnw"))) {
        return dir;
      }
    }
    throw new IllegalStateException("cannot find the repository root from " + here);
  }

  /** Where spec snapshots live (the source tree, so regenerated snapshots show in {@code git diff}). */
  public static Path snapshotDirectory() {
    return Optional.ofNullable(System.getProperty("acceptance.snapshots")).map(Path::of)
        .orElse(repositoryRoot().resolve("acceptance-tests/src/test/resources/spec-snapshots"));
  }

  /** Whether spec snapshots are rewritten instead of compared ({@code -Dacceptance.updateSnapshots=true}). */
  public static boolean updateSnapshots() {
    return Boolean.parseBoolean(System.getProperty("acceptance.updateSnapshots", "false"));
  }

  /** The connectors to test ({@code -Dacceptance.connectors=hubspot,salesforce}); empty means all. */
  public static Set<String> selectedConnectors() {
    String value = System.getProperty("acceptance.connectors", "").trim();
    if (value.isEmpty()) {
      return Set.of();
    }
    return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
  }
}
