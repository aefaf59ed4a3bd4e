package io.activationsuite.testkit.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.activationsuite.protocol.model.ConnectorSpecification;
import io.activationsuite.protocol.model.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares a connector's spec with its reviewed snapshot, {@code acceptance-tests/src/test/resources/
 * spec-snapshots/TOOL.json} (the file the acceptance suite checks the built artifact against), in the same
 * form: keys sorted, pretty-printed. A connector's unit tests find a spec change without building an image.
 */
public final class SpecSnapshots {
  private static final ObjectMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
  private static final Path RELATIVE = Path.of("acceptance-tests", "src", "test", "resources", "spec-snapshots");

  private SpecSnapshots() {}

  /** Asserts that {@code spec} prints exactly as the snapshot of {@code tool}. */
  public static void assertMatchesSnapshot(ConnectorSpecification spec, String tool) {
    Path snapshot = snapshotOf(tool);
    try {
      String actual = PRETTY.writeValueAsString(PRETTY.treeToValue(Json.mapper().valueToTree(spec), Object.class))
          + "\n";
      assertThat(actual).as("spec of %s against %s (regenerate with the acceptance suite's"
          + " -Dacceptance.updateSnapshots=true and review the change)", tool, snapshot)
          .isEqualTo(Files.readString(snapshot, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The snapshot file, found from the working directory up to the repository root. */
  public static Path snapshotOf(String tool) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(RELATIVE).resolve(tool + ".json");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("No spec snapshot " + RELATIVE.resolve(tool + ".json") + " above "
        + Path.of("").toAbsolutePath());
  }
}
