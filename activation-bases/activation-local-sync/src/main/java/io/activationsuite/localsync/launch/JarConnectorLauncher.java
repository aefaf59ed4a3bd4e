package io.activationsuite.localsync.launch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs a connector's runnable jar as {@code java [jvmArgs] -jar <jar> <command> --config ...} on a
 * local JVM: the fastest way to drive a connector in tests and in the local sync runner, with no
 * Docker engine needed. The process runs in its temp directory, as the platform changes the working
 * directory too, and inherits this JVM's environment plus the invocation's.
 *
 * @param javaBinary the {@code java} executable
 * @param jar the connector's runnable jar
 * @param jvmArgs options placed before {@code -jar}
 */
public record JarConnectorLauncher(Path javaBinary, Path jar, List<String> jvmArgs) implements ConnectorLauncher {

  /** Validates the paths and copies the options. */
  public JarConnectorLauncher {
    Objects.requireNonNull(javaBinary, "javaBinary");
    Objects.requireNonNull(jar, "jar");
    jvmArgs = List.copyOf(jvmArgs);
    jar = jar.toAbsolutePath();
  }

  /**
   * The JIT and collector options of the connector images' {@code ENTRYPOINT} (C1 only, parallel collector: see
   * docs/images.md), so that a jar runs as its image does; a test keeps them in the Dockerfile template.
   */
  public static final List<String> IMAGE_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC");

  /** Runs {@code jar} with the {@code java} of the current JVM and the images' JIT and collector options. */
  public static JarConnectorLauncher of(Path jar) {
    return new JarConnectorLauncher(currentJava(), jar, IMAGE_JVM_OPTIONS);
  }

  /** The {@code java} executable of the running JVM. */
  public static Path currentJava() {
    return Path.of(System.getProperty("java.home"), "bin", "java");
  }

  @Override
  public ConnectorRun launch(ConnectorInvocation invocation, ConnectorOutputListener listener) {
    if (!Files.isRegularFile(jar)) {
      throw new ConnectorLaunchException("connector jar not found: " + jar);
    }
    ConnectorFiles files = ConnectorFiles.create(invocation, Optional.empty());
    List<String> command = new ArrayList<>();
    command.add(javaBinary.toString());
    command.addAll(jvmArgs);
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(ConnectorArguments.of(invocation.command(), files.config(), files.catalog()));
    ProcessBuilder builder = new ProcessBuilder(command).directory(files.directory().toFile());
    builder.environment().putAll(invocation.environment());
    return ConnectorRun.start(jar.getFileName() + " " + invocation.command().argument(), builder,
        invocation.command(), listener, Process::destroyForcibly, files);
  }
}
