package io.activationsuite.acceptance.harness;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.localsync.launch.ConnectorInvocation;
import io.activationsuite.localsync.launch.ConnectorOutputListener;
import io.activationsuite.localsync.launch.JarConnectorLauncher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Runs one connector's commands as the platform does - its image through Testcontainers' docker-java client
 * ({@link ContainerConnector}), or its jar as a process - and collects what each printed. Every test drives
 * connectors through this class only, so jar and Docker modes run the same tests.
 */
public final class ConnectorHarness {

  /** The longest any single command may take in the suite. */
  public static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(3);

  /** Starts one invocation (a container or a process). */
  @FunctionalInterface
  private interface Starter {
    RunningConnector start(ConnectorInvocation invocation, ConnectorOutputListener listener);
  }

  private final Starter starter;
  private final String description;

  private ConnectorHarness(Starter starter, String description) {
    this.starter = starter;
    this.description = description;
  }

  /** The harness for {@code tool} on the current {@link AcceptanceTarget} (building images if needed). */
  public static ConnectorHarness forTool(String tool) {
    if (AcceptanceTarget.current() == AcceptanceTarget.DOCKER) {
      ConnectorImages.ensureBuilt();
      String image = image(tool);
      return new ConnectorHarness((invocation, listener) -> ContainerConnector.start(DockerEngine.client(), image,
          invocation, listener), image);
    }
    Path jar = jar(tool);
    JarConnectorLauncher launcher = JarConnectorLauncher.of(jar);
    return new ConnectorHarness((invocation, listener) -> new ProcessConnector(launcher.launch(invocation, listener)),
        jar.toString());
  }

  /** The image the suite tests for {@code tool}. */
  public static String image(String tool) {
    return "activation-suite/destination-" + tool + ":dev";
  }

  /** The runnable jar of {@code tool} the reactor packaged. */
  public static Path jar(String tool) {
    return AcceptanceSettings.repositoryRoot().resolve("airbyte-integrations/connectors/destination-" + tool
        + "/target/destination-" + tool + ".jar");
  }

  /** {@code spec}. */
  public CommandResult spec() {
    return run(ConnectorInvocation.spec(), List.of(), () -> { });
  }

  /** {@code check --config}. */
  public CommandResult check(JsonNode config) {
    return run(ConnectorInvocation.check(config.toString()), List.of(), () -> { });
  }

  /** {@code discover --config}. */
  public CommandResult discover(JsonNode config) {
    return run(ConnectorInvocation.discover(config.toString()), List.of(), () -> { });
  }

  /** {@code write --config --catalog} with {@code input} on stdin, to the end. */
  public CommandResult write(JsonNode config, String catalogJson, List<String> input) {
    return run(ConnectorInvocation.write(config.toString(), catalogJson), input, () -> { });
  }

  /** {@code write} with {@code environment} set for the connector, {@code input} on stdin, to the end. */
  public CommandResult write(JsonNode config, String catalogJson, List<String> input,
      Map<String, String> environment) {
    return run(ConnectorInvocation.write(config.toString(), catalogJson).withEnvironment(environment), input,
        () -> { });
  }

  /**
   * {@code write} that runs {@code beforeInput} once the process has started and before the first input
   * line (e.g. waits for the connector to authenticate, then arms sandbox faults), then feeds
   * {@code input} to the end.
   */
  public CommandResult write(JsonNode config, String catalogJson, List<String> input, Runnable beforeInput) {
    return run(ConnectorInvocation.write(config.toString(), catalogJson), input, beforeInput);
  }

  /**
   * Starts {@code write} and returns at once: the caller feeds stdin ({@link RunningConnector#writeLine}),
   * may hold it open (a sync still in progress), kills (SIGKILL) or waits, and closes the run.
   */
  public RunningConnector startWrite(JsonNode config, String catalogJson, RecordingListener listener) {
    return starter.start(ConnectorInvocation.write(config.toString(), catalogJson), listener);
  }

  private CommandResult run(ConnectorInvocation invocation, List<String> input, Runnable beforeInput) {
    RecordingListener listener = new RecordingListener();
    try (RunningConnector run = starter.start(invocation, listener)) {
      beforeInput.run();
      try {
        for (String line : input) {
          run.writeLine(line);
        }
      } catch (IOException e) {
        // the connector stopped reading (it failed): its exit code and messages say why
      }
      run.closeStdin();
      int exit = run.waitFor(COMMAND_TIMEOUT);
      return listener.result(exit);
    } catch (TimeoutException e) {
      throw new AssertionError(description + " " + invocation.command().argument() + " timed out: "
          + listener.result(-1).describe(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (UncheckedIOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return description;
  }
}
