package io.activationsuite.sink.rejected;

import io.activationsuite.protocol.errors.ConfigErrorException;
import io.activationsuite.protocol.errors.TransientErrorException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * A local directory as an {@link ObjectTarget}, for local runs and demos: a key is a relative path. Each object
 * is written to a temporary file, forced to disk, then atomically renamed, so a part is complete and durable
 * once {@link #put} returns. Keys cannot escape the directory.
 */
final class LocalDirectoryTarget implements ObjectTarget {
  private static final String FIELD = ObjectStorageConfig.PROPERTY + ".local_directory";

  private final Path root;

  LocalDirectoryTarget(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  @Override
  public void put(String key, byte[] content, String contentType) {
    Path file = resolve(key);
    Path temp = null;
    try {
      Files.createDirectories(file.getParent());
      temp = Files.createTempFile(file.getParent(), ".part-", ".tmp");
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      move(temp, file);
      temp = null;
      forceDirectory(file.getParent());
    } catch (IOException e) {
      throw failure("write rejected records to " + file, e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // the temporary file is left behind; it never has the part's name
        }
      }
    }
  }

  @Override
  public List<String> list(String prefix) {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .filter(k -> k.startsWith(prefix) && !k.endsWith(".tmp"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw failure("list " + root, e);
    }
  }

  @Override
  public void delete(String key) {
    try {
      Files.deleteIfExists(resolve(key));
    } catch (IOException e) {
      throw failure("delete " + key + " in " + root, e);
    }
  }

  @Override
  public String describe(String keyPrefix) {
    return root.resolve(keyPrefix).toString() + (keyPrefix.isEmpty() || keyPrefix.endsWith("/") ? "/" : "");
  }

  @Override
  public void close() {
    // nothing held open between writes
  }

  private Path resolve(String key) {
    Path file = root.resolve(key).normalize();
    if (!file.startsWith(root) || file.equals(root)) {
      throw new ConfigErrorException("The rejected-records path '" + key + "' leaves " + FIELD
          + "; check path_format and file_name_format.");
    }
    return file;
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void forceDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // some platforms cannot open a directory; the file itself was already forced
    }
  }

  private static RuntimeException failure(String action, IOException e) {
    if (e instanceof AccessDeniedException || e instanceof FileSystemException fs && fs.getReason() != null
        && fs.getReason().contains("Read-only")) {
      return new ConfigErrorException("Cannot " + action + ": permission denied. Check " + FIELD + ".", e);
    }
    if (e instanceof NotDirectoryException || e instanceof FileAlreadyExistsException) {
      return new ConfigErrorException("Cannot " + action + ": a file is in the way of a folder. Check " + FIELD
          + ".", e);
    }
    return new TransientErrorException("Cannot " + action + ": " + e.getMessage(), e);
  }
}
