package io.activationsuite.acceptance.harness;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import io.activationsuite.localsync.launch.ConnectorInvocation;
import io.activationsuite.localsync.launch.ConnectorOutputDispatcher;
import io.activationsuite.localsync.launch.ConnectorOutputListener;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A connector command running in its image, as the platform runs it, through Testcontainers' docker-java
 * client: the container is created on the host network (the sandbox listens on 127.0.0.1), the config and
 * catalog are copied into {@code /airbyte/config}, the test attaches to its stdout and stderr, and for
 * {@code write} separately to its stdin, before it starts; a kill is the engine's SIGKILL of the container.
 * Closing removes the container.
 */
final class ContainerConnector implements RunningConnector {

  /** Where the config and catalog are copied in the container. */
  static final String CONFIG_DIRECTORY = "/airbyte/config";

  private static final Duration ATTACH_TIMEOUT = Duration.ofSeconds(30);

  private final DockerClient docker;
  private final String containerId;
  private final String description;
  private final StdinPipe stdinPipe;
  private final BufferedWriter stdin;
  private final Output output;
  /** The stdin-only attach: closing its connection is how the container's stdin ends (Docker has no half-close). */
  private final ResultCallback.Adapter<Frame> stdinAttach = new ResultCallback.Adapter<>();

  private ContainerConnector(DockerClient docker, String containerId, String description, Output output) {
    this.docker = docker;
    this.containerId = containerId;
    this.description = description;
    this.stdinPipe = new StdinPipe(this::endStdinAttach);
    this.stdin = new BufferedWriter(new OutputStreamWriter(stdinPipe.output(), StandardCharsets.UTF_8), 64 * 1024);
    this.output = output;
  }

  /** Creates, attaches to and starts {@code image} running {@code invocation}. */
  static ContainerConnector start(DockerClient docker, String image, ConnectorInvocation invocation,
      ConnectorOutputListener listener) {
    String command = invocation.command().argument();
    boolean readsStdin = invocation.command().readsStdin();
    List<String> arguments = new ArrayList<>(List.of(command));
    invocation.configJson().ifPresent(c -> arguments.addAll(List.of("--config", CONFIG_DIRECTORY + "/config.json")));
    invocation.catalogJson().ifPresent(c -> arguments.addAll(List.of("--catalog", CONFIG_DIRECTORY + "/catalog.json")));
    List<String> environment = invocation.environment().entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue()).toList();
    String name = "acceptance-" + command + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    String id = docker.createContainerCmd(image)
        .withName(name)
        .withCmd(arguments)
        .withEnv(environment)
        .withHostConfig(HostConfig.newHostConfig().withNetworkMode("host"))
        .withStdinOpen(readsStdin).withStdInOnce(readsStdin).withAttachStdin(readsStdin)
        .withAttachStdout(true).withAttachStderr(true).withTty(false)
        .withLabels(java.util.Map.of("io.activationsuite.acceptance", "true"))
        .exec().getId();
    String description = image + " " + command;
    Output output = new Output(listener);
    ContainerConnector run = new ContainerConnector(docker, id, description, output);
    try {
      docker.copyArchiveToContainerCmd(id).withRemotePath("/")
          .withTarInputStream(new ByteArrayInputStream(tar(invocation.configJson(), invocation.catalogJson())))
          .exec();
      docker.attachContainerCmd(id).withStdOut(true).withStdErr(true).withFollowStream(true).exec(output);
      awaitAttached(output, description);
      if (readsStdin) {
        docker.attachContainerCmd(id).withFollowStream(true).withStdIn(run.stdinPipe.input()).exec(run.stdinAttach);
        awaitAttached(run.stdinAttach, description);
      }
      docker.startContainerCmd(id).exec();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      run.close();
      throw new IllegalStateException("interrupted while starting " + description, e);
    } catch (RuntimeException e) {
      run.close();
      throw e;
    }
    if (!readsStdin) {
      run.closeStdin();
    }
    return run;
  }

  private static void awaitAttached(ResultCallback.Adapter<Frame> attach, String description)
      throws InterruptedException {
    if (!attach.awaitStarted(ATTACH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException("could not attach to " + description + " within " + ATTACH_TIMEOUT);
    }
  }

  /** Everything written reached the container: closing the stdin attach ends its stdin (StdinOnce). */
  private void endStdinAttach() {
    try {
      stdinAttach.close();
    } catch (IOException e) {
      // the connection is gone either way
    }
  }

  /** A tar of {@code airbyte/config/{config,catalog}.json}, readable by the image's user (uid 1000). */
  private static byte[] tar(Optional<String> config, Optional<String> catalog) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      TarArchiveEntry directory = new TarArchiveEntry(CONFIG_DIRECTORY.substring(1) + "/");
      directory.setMode(0_40_700);
      owned(directory);
      tar.putArchiveEntry(directory);
      tar.closeArchiveEntry();
      addFile(tar, "config.json", config);
      addFile(tar, "catalog.json", catalog);
    } catch (IOException e) {
      throw new IllegalStateException("cannot pack the connector files", e);
    }
    return bytes.toByteArray();
  }

  private static void addFile(TarArchiveOutputStream tar, String name, Optional<String> json) throws IOException {
    if (json.isEmpty()) {
      return;
    }
    byte[] content = json.get().getBytes(StandardCharsets.UTF_8);
    TarArchiveEntry entry = new TarArchiveEntry(CONFIG_DIRECTORY.substring(1) + "/" + name);
    entry.setSize(content.length);
    entry.setMode(0_100_600);
    owned(entry);
    tar.putArchiveEntry(entry);
    tar.write(content);
    tar.closeArchiveEntry();
  }

  private static void owned(TarArchiveEntry entry) {
    entry.setUserId(1000);
    entry.setGroupId(1000);
  }

  @Override
  public void writeLine(String line) throws IOException {
    stdin.write(line);
    stdin.write('\n');
  }

  @Override
  public void flush() throws IOException {
    stdin.flush();
  }

  @Override
  public void closeStdin() {
    try {
      stdin.close();
    } catch (IOException e) {
      // the container is gone: its exit code and messages say why
    }
  }

  @Override
  public boolean isAlive() {
    try {
      return Boolean.TRUE.equals(docker.inspectContainerCmd(containerId).exec().getState().getRunning());
    } catch (DockerException e) {
      return false;
    }
  }

  @Override
  public int waitFor(Duration timeout) throws InterruptedException, TimeoutException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Integer exit;
    try (WaitContainerResultCallback wait = docker.waitContainerCmd(containerId)
        .exec(new WaitContainerResultCallback())) {
      exit = wait.awaitStatusCode(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (DockerClientException e) {
      throw new TimeoutException(description + " still running after " + timeout);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    stdinPipe.abandon();
    long remaining = deadline - System.nanoTime();
    if (remaining <= 0 || !output.awaitCompletion(remaining, TimeUnit.NANOSECONDS)) {
      throw new TimeoutException(description + " exited but its output was not consumed within " + timeout);
    }
    if (output.lines.failure().isPresent()) {
      throw new IllegalStateException("the output listener of " + description + " failed",
          output.lines.failure().get());
    }
    return exit;
  }

  @Override
  public void kill() {
    try {
      docker.killContainerCmd(containerId).withSignal("KILL").exec();
    } catch (DockerException e) {
      // not running any more (conflict) or already removed
    }
  }

  @Override
  public void close() {
    kill();
    stdinPipe.abandon();
    endStdinAttach();
    try {
      output.close();
    } catch (IOException e) {
      // the attach connection is closed anyway
    }
    try {
      docker.removeContainerCmd(containerId).withForce(true).withRemoveVolumes(true).exec();
    } catch (DockerException e) {
      // already removed
    }
  }

  @Override
  public String toString() {
    return description;
  }

  /** The attached stdout and stderr: frames cut into lines, handed on as the local runner hands on a process's. */
  private static final class Output extends ResultCallback.Adapter<Frame> {

    private final ConnectorOutputDispatcher lines;
    private final ByteArrayOutputStream stdoutLine = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderrLine = new ByteArrayOutputStream();

    Output(ConnectorOutputListener listener) {
      // a listener's failure is reported by waitFor; the container runs on until then, as before
      this.lines = new ConnectorOutputDispatcher(listener, () -> { });
    }

    @Override
    public void onNext(Frame frame) {
      switch (frame.getStreamType()) {
        case STDERR -> feed(frame.getPayload(), stderrLine, false);
        case STDOUT, RAW -> feed(frame.getPayload(), stdoutLine, true);
        default -> { }
      }
    }

    @Override
    public void onComplete() {
      flushPartial();
      super.onComplete();
    }

    @Override
    public void onError(Throwable throwable) {
      flushPartial();
      super.onError(throwable);
    }

    private synchronized void flushPartial() {
      if (stdoutLine.size() > 0) {
        deliver(stdoutLine, true);
      }
      if (stderrLine.size() > 0) {
        deliver(stderrLine, false);
      }
    }

    private synchronized void feed(byte[] payload, ByteArrayOutputStream line, boolean stdout) {
      for (byte b : payload) {
        if (b == '\n') {
          deliver(line, stdout);
        } else {
          line.write(b);
        }
      }
    }

    private void deliver(ByteArrayOutputStream buffer, boolean stdout) {
      String line = buffer.toString(StandardCharsets.UTF_8);
      buffer.reset();
      if (stdout) {
        lines.stdout(line);
      } else {
        lines.stderr(line);
      }
    }
  }
}
