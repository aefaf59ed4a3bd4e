package io.activationsuite.localsync.launch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps every message a connector printed, for commands with small outputs ({@code spec},
 * {@code check}, {@code discover}) and for tests. Not meant for {@code write} of large syncs: it holds
 * every message in memory.
 */
public final class CollectingOutputListener implements ConnectorOutputListener {

  private final List<ObjectNode> messages = new ArrayList<>();
  private final List<String> nonJsonLines = new ArrayList<>();

  @Override
  public synchronized void onMessage(ObjectNode message) {
    messages.add(message);
  }

  @Override
  public synchronized void onNonJsonLine(String line) {
    nonJsonLines.add(line);
  }

  /** The messages received so far, in order. */
  public synchronized List<ObjectNode> messages() {
    return List.copyOf(messages);
  }

  /** The messages whose {@code type} field equals {@code type} (e.g. {@code SPEC}), in order. */
  public synchronized List<ObjectNode> messagesOfType(String type) {
    return messages.stream().filter(message -> type.equals(message.path("type").asText())).toList();
  }

  /** The stdout lines that were not JSON objects, in order. */
  public synchronized List<String> nonJsonLines() {
    return List.copyOf(nonJsonLines);
  }
}
