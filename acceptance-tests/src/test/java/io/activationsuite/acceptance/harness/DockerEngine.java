package io.activationsuite.acceptance.harness;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import org.testcontainers.DockerClientFactory;

/**
 * The Docker engine as Testcontainers finds it (its docker-java client, {@code DockerClientFactory}): whether
 * one answers, and the client that runs and inspects the locally built connector images. Ryuk, Testcontainers'
 * reaper, is an image from a registry and is disabled ({@code TESTCONTAINERS_RYUK_DISABLED=true}, set by the
 * module's surefire configuration and by {@code .ci/docker-setup.sh}); the harness removes its own containers.
 */
public final class DockerEngine {

  private DockerEngine() {
  }

  /** Whether a Docker engine answers (Testcontainers' own probe of the environment). */
  public static boolean available() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** The engine's client. */
  public static DockerClient client() {
    return DockerClientFactory.lazyClient();
  }

  /** {@code docker image inspect} of {@code image}, through the engine's API. */
  public static InspectImageResponse inspectImage(String image) {
    return client().inspectImageCmd(image).exec();
  }
}
