package io.activationsuite.localsync.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarConnectorLauncherTest extends ConnectorLauncherContract {

  @TempDir
  static Path workDirectory;

  static Path jar;

  @BeforeAll
  static void buildJar() throws Exception {
    jar = FakeConnectorJar.build(workDirectory);
  }

  @Override
  ConnectorLauncher launcher() {
    return JarConnectorLauncher.of(jar);
  }

  @Test
  void theConfigIsPrivateWhileRunningAndDeletedOnClose() throws Exception {
    CollectingOutputListener output = new CollectingOutputListener();
    Path config;
    try (ConnectorRun run = launcher().launch(ConnectorInvocation.check("{\"secret\":\"s\"}"), output)) {
      assertThat(run.waitFor(TIMEOUT)).isZero();
      config = Path.of(output.messagesOfType("CONNECTION_STATUS").getFirst().path("configPath").asText());
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config))).isEqualTo("rw-------");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config.getParent())))
          .isEqualTo("rwx------");
    }
    assertThat(config.getParent()).doesNotExist();
  }

  @Test
  void aJarRunsWithTheJvmOptionsOfTheImagesEntrypoint() throws Exception {
    Path template = null;
    for (Path dir = Path.of("").toAbsolutePath(); dir != null && template == null; dir = dir.getParent()) {
      Path candidate = dir.resolve("airbyte-integrations/bases/java-connector/Dockerfile.template");
      template = Files.isRegularFile(candidate) ? candidate : null;
    }
    assertThat(template).as("the connector Dockerfile template above the working directory").isNotNull();
    String entrypoint = Files.readAllLines(template).stream().filter(line -> line.startsWith("ENTRYPOINT"))
        .findFirst().orElseThrow();

    assertThat(JarConnectorLauncher.of(jar).jvmArgs()).isEqualTo(JarConnectorLauncher.IMAGE_JVM_OPTIONS)
        .allSatisfy(option -> assertThat(entrypoint).contains("\"" + option + "\""));
  }

  @Test
  void aMissingJarFailsWithItsPath() {
    JarConnectorLauncher missing = JarConnectorLauncher.of(workDirectory.resolve("absent.jar"));
    assertThatThrownBy(() -> missing.launch(ConnectorInvocation.spec(), ConnectorOutputListener.IGNORE))
        .isInstanceOf(ConnectorLaunchException.class)
        .hasMessageContaining("absent.jar");
  }

  @Test
  void anUnstartableJavaBinaryFailsAndLeavesNoTempFiles() throws Exception {
    JarConnectorLauncher broken = new JarConnectorLauncher(
        workDirectory.resolve("no-java"), jar, java.util.List.of());
    long before = countConnectorTempDirectories();
    assertThatThrownBy(() -> broken.launch(ConnectorInvocation.spec(), ConnectorOutputListener.IGNORE))
        .isInstanceOf(ConnectorLaunchException.class)
        .hasMessageContaining("cannot start");
    assertThat(countConnectorTempDirectories()).isEqualTo(before);
  }

  private static long countConnectorTempDirectories() throws Exception {
    try (var entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return entries.filter(path -> path.getFileName().toString().startsWith("connector-spec-")).count();
    }
  }
}
