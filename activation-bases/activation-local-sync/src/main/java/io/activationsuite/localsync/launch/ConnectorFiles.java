package io.activationsuite.localsync.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The per-run temporary directory holding {@code config.json} and {@code catalog.json}. The config
 * carries secrets, so the files are readable by the connector's user only: the current user for a jar,
 * uid 1000 for a container (by changing the owner when running as root). Only when neither is possible
 * are they made world-readable inside a directory that cannot be listed.
 */
final class ConnectorFiles implements AutoCloseable {

  static final String CONFIG_FILE = "config.json";
  static final String CATALOG_FILE = "catalog.json";
  static final int CONTAINER_UID = 1000;

  private final Path directory;
  private final Optional<Path> config;
  private final Optional<Path> catalog;

  private ConnectorFiles(Path directory, Optional<Path> config, Optional<Path> catalog) {
    this.directory = directory;
    this.config = config;
    this.catalog = catalog;
  }

  /** Writes the invocation's documents to a new private temp directory readable by {@code readerUid}. */
  static ConnectorFiles create(ConnectorInvocation invocation, Optional<Integer> readerUid) {
    Path directory;
    try {
      directory = Files.createTempDirectory("connector-" + invocation.command().argument() + "-");
    } catch (IOException e) {
      throw new ConnectorLaunchException("cannot create a temp directory for the connector files", e);
    }
    try {
      Optional<Path> config = write(directory, CONFIG_FILE, invocation.configJson());
      Optional<Path> catalog = write(directory, CATALOG_FILE, invocation.catalogJson());
      grantAccess(directory, readerUid);
      return new ConnectorFiles(directory, config, catalog);
    } catch (IOException | RuntimeException e) {
      deleteTree(directory);
      throw new ConnectorLaunchException("cannot write the connector files in " + directory, e);
    }
  }

  Path directory() {
    return directory;
  }

  Optional<Path> config() {
    return config;
  }

  Optional<Path> catalog() {
    return catalog;
  }

  @Override
  public void close() {
    deleteTree(directory);
  }

  private static Optional<Path> write(Path directory, String name, Optional<String> json) throws IOException {
    if (json.isEmpty()) {
      return Optional.empty();
    }
    Path file = directory.resolve(name);
    Files.writeString(file, json.get(), StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return Optional.of(file);
  }

  private static void grantAccess(Path directory, Optional<Integer> readerUid) throws IOException {
    Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
    if (readerUid.isEmpty()) {
      return;
    }
    int uid = readerUid.get();
    int currentUid = (Integer) Files.getAttribute(directory, "unix:uid");
    if (uid == currentUid) {
      return;
    }
    try (Stream<Path> files = Files.walk(directory)) {
      if (currentUid == 0) {
        for (Path path : files.toList()) {
          Files.setAttribute(path, "unix:uid", uid);
          Files.setAttribute(path, "unix:gid", uid);
        }
        return;
      }
      for (Path path : files.toList()) {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
            Files.isDirectory(path) ? "rwx--x--x" : "rw-r--r--"));
      }
    }
  }

  private static void deleteTree(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the connector files in " + directory, e);
    }
  }
}
