package io.activationsuite.localsync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Reads and checks a sync file, with errors that name the file, the key and what is allowed. */
public final class SyncFileLoader {
  private static final List<String> MODES = List.of("append", "append_dedup", "update", "soft_delete");
  private static final List<String> REMOVAL_MODES = List.of("soft_delete", "update", "append_dedup");
  private final ObjectMapper yaml =
      new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** Loads {@code path}; throws {@link UserError} with a message a user can act on. */
  public SyncFile load(Path path) {
    SyncFile file;
    String text;
    try {
      text = Files.readString(path);
    } catch (NoSuchFileException e) {
      throw new UserError("not found: " + path);
    } catch (IOException e) {
      throw new UserError("cannot read sync file " + path + ": " + e.getMessage(), e);
    }
    try {
      file = yaml.readValue(text, SyncFile.class);
    } catch (UnrecognizedPropertyException e) {
      Set<String> allowed = new TreeSet<>();
      e.getKnownPropertyIds().forEach(id -> allowed.add(id.toString()));
      allowed.remove("baseDirectory");
      allowed.remove("path");
      throw new UserError("sync file " + path + ", line " + lineOf(text, e.getPropertyName(), e) + ": unknown key '"
          + e.getPropertyName() + "'; allowed here: " + String.join(", ", allowed));
    } catch (JsonProcessingException e) {
      String line = e.getLocation() == null ? "?" : Integer.toString(e.getLocation().getLineNr());
      throw new UserError("sync file " + path + ", line " + line + ": " + e.getOriginalMessage());
    }
    if (file == null) {
      throw new UserError("sync file " + path + " is empty");
    }
    String where = "sync file " + path;
    require(file.destination() != null && !file.destination().isBlank(), where + ": 'destination' is required");
    require(file.streams() != null && !file.streams().isEmpty(), where + ": 'streams' must list at least one");
    Set<String> names = new HashSet<>();
    for (SyncFile.StreamSpec stream : file.streams()) {
      require(stream.name() != null && !stream.name().isBlank(), where + ": every stream needs a 'name'");
      String at = where + ", stream '" + stream.name() + "'";
      require(names.add(stream.name()), at + ": stream names must be unique");
      require(stream.query() != null && !stream.query().isBlank(), at + ": 'query' is required");
      require(stream.object() != null && !stream.object().isBlank(), at + ": 'object' is required");
      require(stream.mode() != null && MODES.contains(stream.mode()), at + ": 'mode' must be one of " + MODES);
      require(stream.mode().equals("append") || stream.matchingKey() != null,
          at + ": 'matching_key' is required for mode " + stream.mode());
      if (stream.lookups() != null) {
        require(!stream.mode().equals("soft_delete"), at + ": 'lookups' cannot be used with mode soft_delete"
            + " (a removal sends only the matching key)");
        stream.lookups().forEach((field, lookup) -> {
          require(lookup != null && !lookup.isBlank(), at + ": 'lookups." + field + "' must name a lookup of the"
              + " connector (e.g. user_by_email; see docs/connector-options.md, Lookups)");
          require(!field.equals(stream.matchingKey()), at + ": the matching key '" + field + "' cannot use a lookup");
        });
      }
      SyncFile.Removal removal = stream.onRemoved();
      if (removal != null) {
        require(removal.mode() != null && REMOVAL_MODES.contains(removal.mode()),
            at + ": 'on_removed.mode' must be one of " + REMOVAL_MODES);
        require(stream.matchingKey() != null, at + ": 'on_removed' needs the stream's 'matching_key'");
        require(removal.mode().equals("soft_delete") || removal.set() != null && !removal.set().isEmpty(),
            at + ": 'on_removed.set' must name the fields to set on removed records (e.g. a segment flag)");
      }
    }
    return file.withLocation(path);
  }

  /** The line where {@code key:} is written (the parser's position is past it), else the parser's line. */
  private static int lineOf(String text, String key, UnrecognizedPropertyException e) {
    java.util.regex.Pattern written = java.util.regex.Pattern.compile(
        "^[\\s-]*\"?" + java.util.regex.Pattern.quote(key) + "\"?\\s*:");
    List<String> lines = text.lines().toList();
    int parserLine = e.getLocation() == null ? lines.size() : e.getLocation().getLineNr();
    for (int i = Math.min(parserLine, lines.size()) - 1; i >= 0; i--) {
      if (written.matcher(lines.get(i)).find()) {
        return i + 1;
      }
    }
    return parserLine;
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new UserError(message);
    }
  }
}
