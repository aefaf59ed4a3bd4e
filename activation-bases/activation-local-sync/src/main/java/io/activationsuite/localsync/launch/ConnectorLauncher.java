package io.activationsuite.localsync.launch;

import java.util.Optional;

/**
 * Starts a connector the way the Airbyte platform does: one process per command, documents passed as
 * files, messages on stdin/stdout. Implementations: {@link JarConnectorLauncher} (a runnable jar on a
 * local JVM) and {@link DockerConnectorLauncher} (the connector's Docker image).
 */
public interface ConnectorLauncher {

  /**
   * Starts the connector; the returned run delivers its output to {@code listener} as it comes.
   *
   * @throws ConnectorLaunchException when the connector cannot be started
   */
  ConnectorRun launch(ConnectorInvocation invocation, ConnectorOutputListener listener);

  /**
   * Shorthand for {@link #launch(ConnectorInvocation, ConnectorOutputListener)} with the documents given
   * as JSON text ({@code null} when the command takes none) and no extra environment.
   */
  default ConnectorRun launch(ConnectorCommand command, String configJson, String catalogJson,
      ConnectorOutputListener listener) {
    return launch(new ConnectorInvocation(command, Optional.ofNullable(configJson),
        Optional.ofNullable(catalogJson), java.util.Map.of()), listener);
  }
}
