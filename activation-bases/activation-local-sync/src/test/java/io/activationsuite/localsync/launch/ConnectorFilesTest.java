package io.activationsuite.localsync.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConnectorFilesTest {

  @Test
  void writesOnlyTheDocumentsTheCommandTakes() throws Exception {
    try (ConnectorFiles files = ConnectorFiles.create(ConnectorInvocation.check("{\"a\":1}"), Optional.empty())) {
      assertThat(files.catalog()).isEmpty();
      assertThat(Files.readString(files.config().orElseThrow())).isEqualTo("{\"a\":1}");
    }
  }

  @Test
  void asRoot_theContainerUserOwnsThePrivateFiles() throws Exception {
    try (ConnectorFiles files = ConnectorFiles.create(ConnectorInvocation.write("{}", "{}"), Optional.of(1000))) {
      assumeTrue((Integer) Files.getAttribute(files.directory(), "unix:uid") == 1000
          || isRoot(), "only root can give the files to uid 1000");
      for (Path path : new Path[] {files.directory(), files.config().orElseThrow(), files.catalog().orElseThrow()}) {
        assertThat(Files.getAttribute(path, "unix:uid")).isEqualTo(1000);
      }
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.config().orElseThrow())))
          .isEqualTo("rw-------");
    }
  }

  @Test
  void closeDeletesTheDirectory() {
    ConnectorFiles files = ConnectorFiles.create(ConnectorInvocation.spec(), Optional.empty());
    files.close();
    assertThat(files.directory()).doesNotExist();
  }

  private static boolean isRoot() throws Exception {
    Path probe = Files.createTempFile("uid", ".probe");
    try {
      return (Integer) Files.getAttribute(probe, "unix:uid") == 0;
    } finally {
      Files.delete(probe);
    }
  }
}
