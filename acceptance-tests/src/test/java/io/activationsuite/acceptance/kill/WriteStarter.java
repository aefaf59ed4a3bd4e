package io.activationsuite.acceptance.kill;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.acceptance.harness.RecordingListener;
import io.activationsuite.acceptance.harness.RunningConnector;

/**
 * Starts a connector's {@code write} and returns at once (jar or image: the suite's harness, or a launcher in
 * the benchmark), so kill trials run the same way in every mode.
 */
@FunctionalInterface
public interface WriteStarter {

  /** Starts {@code write --config --catalog}; the caller feeds stdin, kills or waits, and closes the run. */
  RunningConnector start(ObjectNode config, String catalogJson, RecordingListener listener);
}
