package io.activationsuite.testkit.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps a config record's shipped schema (a resource read at start-up instead of running the generator) equal
 * to what the generator writes. Run the failing test with {@code -Dschemas.update=true} to rewrite the resource
 * in the module's {@code src/main/resources}, then review the change.
 */
public final class ShippedSchemas {
  private static final ObjectMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private ShippedSchemas() {}

  /**
   * Asserts that {@code owner}'s resource {@code resourceName} holds exactly {@code generated} (same keys in the
   * same order); with {@code -Dschemas.update=true} writes it first.
   */
  public static void assertShipped(Class<?> owner, String resourceName, JsonNode generated) {
    String expected = pretty(generated);
    Path source = Path.of("src", "main", "resources").resolve(owner.getPackageName().replace('.', '/'))
        .resolve(resourceName);
    try {
      if (Boolean.getBoolean("schemas.update")) {
        Files.createDirectories(source.getParent());
        Files.writeString(source, expected, StandardCharsets.UTF_8);
      }
      String shipped;
      try (InputStream in = owner.getResourceAsStream(resourceName)) {
        shipped = in == null ? null : pretty(PRETTY.readTree(in));
      }
      if (Boolean.getBoolean("schemas.update") && Files.isRegularFile(source)) {
        shipped = pretty(PRETTY.readTree(source.toFile()));
      }
      assertThat(shipped).as("the schema %s ships (%s) against the generator's; rerun this test with"
          + " -Dschemas.update=true to rewrite it, then review the change", owner.getSimpleName(), source)
          .isEqualTo(expected);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String pretty(JsonNode node) {
    try {
      return PRETTY.writeValueAsString(node) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
