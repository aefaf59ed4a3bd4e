package io.activationsuite.localsync.launch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Runs a connector's Docker image as the platform does: {@code docker run --rm -i --network host
 * -v <tmp>:/airbyte/config:ro <image> <command> --config /airbyte/config/config.json ...}. The config
 * and catalog are made readable by the image's user (uid 1000); environment variables are passed by
 * name ({@code -e NAME}) with their values in the docker client's environment, so they never appear
 * on a command line. Killing sends SIGKILL to the container itself ({@code docker kill -s KILL}).
 *
 * @param image the image, e.g. {@code activation-suite/destination-hubspot:dev}
 * @param docker the docker client executable ({@code docker} from the PATH by default)
 * @param network the container network ({@code host}: the connector reaches loopback services)
 * @param extraRunArgs further {@code docker run} options placed before the image (e.g. {@code -m 1g})
 */
public record DockerConnectorLauncher(String image, String docker, String network, List<String> extraRunArgs)
    implements ConnectorLauncher {

  /** Where the config and catalog are mounted in the container. */
  public static final String CONFIG_MOUNT = "/airbyte/config";

  private static final long KILL_DEADLINE_SECONDS = 20;

  /** Validates the names and copies the options. */
  public DockerConnectorLauncher {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(docker, "docker");
    Objects.requireNonNull(network, "network");
    extraRunArgs = List.copyOf(extraRunArgs);
    if (image.isBlank()) {
      throw new IllegalArgumentException("image must not be blank");
    }
  }

  /** Runs {@code image} with the {@code docker} client on the PATH, on the host network. */
  public static DockerConnectorLauncher of(String image) {
    return new DockerConnectorLauncher(image, "docker", "host", List.of());
  }

  /** Whether a Docker engine answers {@code docker info} within 20 seconds. */
  public static boolean engineAvailable(String docker) {
    try {
      Process info = new ProcessBuilder(docker, "info")
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      if (!info.waitFor(20, TimeUnit.SECONDS)) {
        info.destroyForcibly();
        return false;
      }
      return info.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public ConnectorRun launch(ConnectorInvocation invocation, ConnectorOutputListener listener) {
    ConnectorFiles files = ConnectorFiles.create(invocation, Optional.of(ConnectorFiles.CONTAINER_UID));
    String container = "activation-" + invocation.command().argument() + "-"
        + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    List<String> command = new ArrayList<>(List.of(docker, "run", "--rm", "-i", "--name", container,
        "--network", network, "-v", files.directory() + ":" + CONFIG_MOUNT + ":ro"));
    for (String name : invocation.environment().keySet()) {
      command.add("-e");
      command.add(name);
    }
    command.addAll(extraRunArgs);
    command.add(image);
    command.addAll(ConnectorArguments.of(invocation.command(),
        files.config().map(DockerConnectorLauncher::inContainer),
        files.catalog().map(DockerConnectorLauncher::inContainer)));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(invocation.environment());
    return ConnectorRun.start(image + " " + invocation.command().argument(), builder, invocation.command(),
        listener, client -> killContainer(container, client), files);
  }

  private static Path inContainer(Path file) {
    return Path.of(CONFIG_MOUNT, file.getFileName().toString());
  }

  /**
   * SIGKILLs the container until its client exits. A kill that comes before the container exists
   * fails and is retried; past the deadline the client is killed and the container force-removed.
   */
  private void killContainer(String container, Process client) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(KILL_DEADLINE_SECONDS);
    try {
      while (client.isAlive() && System.nanoTime() < deadline) {
        runDocker("kill", "-s", "KILL", container);
        client.waitFor(1, TimeUnit.SECONDS);
      }
      if (client.isAlive()) {
        client.destroyForcibly();
        runDocker("rm", "-f", container);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      client.destroyForcibly();
    }
  }

  private void runDocker(String... arguments) throws InterruptedException {
    List<String> command = new ArrayList<>(List.of(docker));
    command.addAll(List.of(arguments));
    try {
      Process process = new ProcessBuilder(command)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (IOException e) {
      throw new ConnectorLaunchException("cannot run " + docker + " " + arguments[0], e);
    }
  }
}
