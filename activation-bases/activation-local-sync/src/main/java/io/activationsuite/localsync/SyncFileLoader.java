package io.activationsuite.localsync;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads and checks a sync file, with errors that name the file and the field. */
public final class SyncFileLoader {
  private static final Set<String> MODES = Set.of("append", "append_dedup", "update", "soft_delete");
  private final ObjectMapper yaml =
      new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** Loads {@code path}; throws {@link IllegalArgumentException} with a message a user can act on. */
  public SyncFile load(Path path) {
    SyncFile file;
    try {
      file = yaml.readValue(Files.readString(path), SyncFile.class);
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot read sync file " + path + ": " + e.getMessage(), e);
    }
    String where = "sync file " + path;
    require(file.destination() != null && !file.destination().isBlank(), where + ": 'destination' is required");
    require(file.streams() != null && !file.streams().isEmpty(), where + ": 'streams' must list at least one");
    Set<String> names = new HashSet<>();
    for (SyncFile.StreamSpec stream : file.streams()) {
      String at = where + ", stream '" + stream.name() + "'";
      require(stream.name() != null && !stream.name().isBlank(), where + ": every stream needs a 'name'");
      require(names.add(stream.name()), at + ": stream names must be unique");
      require(stream.query() != null && !stream.query().isBlank(), at + ": 'query' is required");
      require(stream.object() != null && !stream.object().isBlank(), at + ": 'object' is required");
      require(stream.mode() != null && MODES.contains(stream.mode()),
          at + ": 'mode' must be one of " + List.copyOf(MODES));
      require(stream.mode().equals("append") || stream.matchingKey() != null,
          at + ": 'matching_key' is required for mode " + stream.mode());
    }
    return file.withBaseDirectory(path.toAbsolutePath().getParent());
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
