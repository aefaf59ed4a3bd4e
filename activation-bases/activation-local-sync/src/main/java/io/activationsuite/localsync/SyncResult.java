package io.activationsuite.localsync;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of one sync file: per-stream results, where rejected records went, the connector's exit
 * code and TRACE error (if any), and every contract problem the state verifier found.
 */
public record SyncResult(
    String destination, List<StreamResult> streams, Path rejectedDirectory, int exitCode, String traceError,
    List<String> problems) {

  public boolean succeeded() {
    return exitCode == 0 && traceError == null && problems.isEmpty();
  }
}
