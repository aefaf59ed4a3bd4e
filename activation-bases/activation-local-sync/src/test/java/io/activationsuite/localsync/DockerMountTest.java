package io.activationsuite.localsync;

import static org.assertj.core.api.Assertions.assertThat;

import io.activationsuite.localsync.launch.CollectingOutputListener;
import io.activationsuite.localsync.launch.ConnectorCommand;
import io.activationsuite.localsync.launch.ConnectorRun;
import io.activationsuite.localsync.launch.DockerConnectorLauncher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --docker} mounts the run's rejected-records directory into the container at the same path
 * (the Local directory the config names), writable by the image's user. Checked on the {@code docker run}
 * command line with a stand-in docker client; no Docker engine needed.
 */
class DockerMountTest {
  @TempDir Path dir;

  @Test
  void givenDockerMode_whenTheConnectorStarts_thenTheRejectedDirectoryIsMountedAtTheSamePathAndWritable()
      throws Exception {
    Path arguments = dir.resolve("arguments.txt");
    Path docker = Files.writeString(dir.resolve("docker"), "#!/bin/sh\nprintf '%s\\n' \"$@\" > '" + arguments
        + "'\n", StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(docker, PosixFilePermissions.fromString("rwx------"));
    Path rejected = dir.resolve("out/rejected/hubspot");

    DockerConnectorLauncher launcher = LocalSyncMain.dockerLauncher("activation-suite/destination-hubspot:dev",
        docker.toString(), rejected);
    try (ConnectorRun run = launcher.launch(ConnectorCommand.SPEC, null, null, new CollectingOutputListener())) {
      run.waitFor(Duration.ofSeconds(30));
    }

    assertThat(Files.readAllLines(arguments)).containsSubsequence("-v", rejected + ":" + rejected,
        "activation-suite/destination-hubspot:dev", "spec");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(rejected))).isEqualTo("rwxrwxrwx");
  }
}
