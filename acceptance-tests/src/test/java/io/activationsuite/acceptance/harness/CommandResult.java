package io.activationsuite.acceptance.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What one connector command produced: exit code, every stdout message in order, stdout lines that were
 * not JSON, and every stderr line.
 */
public record CommandResult(int exitCode, List<ObjectNode> messages, List<String> nonJsonLines, List<String> stderr) {

  /** Copies the lists. */
  public CommandResult {
    messages = List.copyOf(messages);
    nonJsonLines = List.copyOf(nonJsonLines);
    stderr = List.copyOf(stderr);
  }

  /** The messages of this {@code type} (e.g. {@code SPEC}), in order. */
  public List<ObjectNode> ofType(String type) {
    return messages.stream().filter(m -> type.equals(m.path("type").asText())).toList();
  }

  /** The STATE messages, in order. */
  public List<ObjectNode> states() {
    return ofType("STATE");
  }

  /** The {@code trace.error} objects of TRACE ERROR messages. */
  public List<JsonNode> traceErrors() {
    return ofType("TRACE").stream()
        .filter(m -> "ERROR".equals(m.path("trace").path("type").asText()))
        .map(m -> m.path("trace").path("error"))
        .toList();
  }

  /** Every line the connector printed (stdout messages, other stdout lines, stderr), for leak checks. */
  public String allOutput() {
    StringBuilder text = new StringBuilder();
    messages.forEach(m -> text.append(m).append('\n'));
    nonJsonLines.forEach(l -> text.append(l).append('\n'));
    stderr.forEach(l -> text.append(l).append('\n'));
    return text.toString();
  }

  /** A short description for assertion messages: exit code, errors and the end of stderr. */
  public String describe() {
    int from = Math.max(0, stderr.size() - 40);
    return "exit " + exitCode + ", errors " + traceErrors() + ", stderr tail:\n"
        + String.join("\n", stderr.subList(from, stderr.size()));
  }
}
