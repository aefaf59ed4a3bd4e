package io.activationsuite.localsync;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of one sync file: per-stream results, where rejected records went, the connector's exit
 * code and TRACE error (if any), every contract problem the state verifier found, and for a preview the
 * connector's dry-run report per stream.
 */
public record SyncResult(
    String destination, List<StreamResult> streams, Path rejectedDirectory, int exitCode, String traceError,
    List<String> problems, List<JsonNode> previews) {

  public boolean succeeded() {
    return exitCode == 0 && traceError == null && problems.isEmpty();
  }

  /** Records sent across streams. */
  public long sent() {
    return streams.stream().mapToLong(StreamResult::sent).sum();
  }

  /** Records acknowledged across streams. */
  public long landed() {
    return streams.stream().mapToLong(StreamResult::acknowledged).sum();
  }

  /** Whether records were sent and not one of them landed (every one rejected). */
  public boolean nothingLanded() {
    return sent() > 0 && landed() == 0;
  }
}
