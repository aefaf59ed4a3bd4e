package io.activationsuite.acceptance.capabilities;

import io.activationsuite.acceptance.connectors.Capability;
import io.activationsuite.acceptance.connectors.ConnectorDescriptor;
import io.activationsuite.acceptance.connectors.Connectors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which test ran for which connector, and why the others did not apply: filled by
 * {@link CapabilityExtension} during the run; when the run ends it is printed to the test JVM's stdout and
 * written to {@code target/acceptance-capabilities.md} (connector x capability, then test x connector).
 */
public final class CapabilityMatrix implements AutoCloseable {

  /** The outcomes of one (test, connector): usually one, several for per-target tests. */
  private static final class Cell {
    int ran;
    int failed;
    final Set<String> notApplicable = new LinkedHashSet<>();

    String text() {
      if (failed > 0) {
        return "FAILED (" + failed + " of " + (failed + ran + notApplicable.size()) + ")";
      }
      String text = ran == 0 ? "" : ran == 1 ? "ran" : "ran x" + ran;
      if (!notApplicable.isEmpty()) {
        text = (text.isEmpty() ? "" : text + "; ") + "n/a (" + String.join("; ", notApplicable) + ")";
      }
      return text;
    }
  }

  private final Map<String, Map<String, Cell>> cells = new TreeMap<>();

  synchronized void ran(String tool, String test) {
    cell(tool, test).ran++;
  }

  synchronized void failed(String tool, String test) {
    cell(tool, test).failed++;
  }

  synchronized void aborted(String tool, String test, String reason) {
    cell(tool, test).notApplicable.add("skipped: " + reason);
  }

  synchronized void notApplicable(String tool, String test, String reason) {
    cell(tool, test).notApplicable.add(reason);
  }

  private Cell cell(String tool, String test) {
    return cells.computeIfAbsent(test, t -> new LinkedHashMap<>()).computeIfAbsent(tool, t -> new Cell());
  }

  /** The matrix as Markdown. */
  public synchronized String markdown() {
    List<ConnectorDescriptor> connectors = Connectors.all().toList();
    List<String> tools = new ArrayList<>(connectors.stream().map(ConnectorDescriptor::tool).toList());
    cells.values().forEach(row -> row.keySet().stream().filter(t -> !tools.contains(t)).forEach(tools::add));
    StringBuilder md = new StringBuilder("# Acceptance capability matrix\n\n## Capabilities declared\n\n");
    header(md, "capability", connectors.stream().map(ConnectorDescriptor::tool).toList());
    for (Capability capability : Capability.values()) {
      md.append("| ").append(capability.name());
      connectors.forEach(c -> md.append(" | ").append(c.has(capability) ? "yes" : "-"));
      md.append(" |\n");
    }
    md.append("\n## Tests (ran / n/a with the reason / FAILED)\n\n");
    header(md, "test", tools);
    cells.forEach((test, row) -> {
      md.append("| ").append(test);
      tools.forEach(tool -> md.append(" | ").append(row.containsKey(tool) ? row.get(tool).text() : "not run"));
      md.append(" |\n");
    });
    return md.toString();
  }

  private static void header(StringBuilder md, String first, List<String> columns) {
    md.append("| ").append(first);
    columns.forEach(c -> md.append(" | ").append(c));
    md.append(" |\n|---");
    columns.forEach(c -> md.append("|---"));
    md.append("|\n");
  }

  /** Prints the matrix and writes {@code acceptance-capabilities.md} into the build directory. */
  @Override
  public void close() {
    String markdown = markdown();
    System.out.println(markdown);
    Path file = Path.of(System.getProperty("acceptance.reportDirectory", "target"), "acceptance-capabilities.md");
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, markdown, StandardCharsets.UTF_8);
      System.err.println("acceptance: capability matrix written to " + file.toAbsolutePath());
    } catch (IOException e) {
      System.err.println("acceptance: cannot write " + file + ": " + e.getMessage());
    }
  }
}
