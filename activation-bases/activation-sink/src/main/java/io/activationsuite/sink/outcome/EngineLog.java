package io.activationsuite.sink.outcome;

import io.activationsuite.protocol.io.ProtocolOutput;
import io.activationsuite.protocol.model.AirbyteLogMessage.Level;

/** Where the engine's user-facing log lines go: Airbyte LOG messages in a sync, a list in tests. */
@FunctionalInterface
public interface EngineLog {

  void log(Level level, String message);

  /** Logs as Airbyte LOG messages on the protocol channel. */
  static EngineLog of(ProtocolOutput output) {
    return output::log;
  }
}
