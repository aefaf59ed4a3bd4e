package io.activationsuite.protocol.runner;

import io.activationsuite.protocol.errors.ConfigErrorException;
import io.activationsuite.protocol.io.ProtocolOutput;
import io.activationsuite.protocol.secrets.RedactingOutputStream;
import io.micronaut.context.ApplicationContext;
import io.micronaut.configuration.picocli.MicronautFactory;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import picocli.CommandLine;

/**
 * The entry point of every connector: {@code main} of a connector jar calls {@link #main}. It guards
 * stdout (only protocol messages go there), redacts stderr, starts the {@link Preinitialization} of what the
 * command will need, starts Micronaut to find the connector's {@link Destination} bean, runs the picocli command,
 * and exits with its code so no thread lingers.
 */
public final class DestinationRunner {
  private static final int STDOUT_BUFFER = 1 << 16;

  private DestinationRunner() {}

  /** Runs the connector found on the classpath and exits the JVM with the command's exit code. */
  public static void main(String[] args) {
    System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
    OutputStream stdout = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), STDOUT_BUFFER);
    PrintStream stderr =
        new PrintStream(new RedactingOutputStream(new FileOutputStream(FileDescriptor.err)), true,
            StandardCharsets.UTF_8);
    System.setErr(stderr);
    // Stray prints from any library must never corrupt the protocol channel: send them to stderr.
    System.setOut(stderr);
    int code = run(args, System.in, stdout);
    stderr.close();
    System.exit(code);
  }

  /** Runs one command in-process (used by tests): returns the exit code, never exits the JVM. */
  public static int run(String[] args, InputStream stdin, OutputStream stdout) {
    Preinitialization.startFor(args);
    ProtocolOutput output = new ProtocolOutput(stdout, Clock.systemUTC());
    try (ApplicationContext context = ApplicationContext.builder().banner(false).deduceEnvironment(false).start()) {
      Destination destination = context.findBean(Destination.class).orElseThrow(
          () -> new IllegalStateException("No Destination bean on the classpath"));
      context.registerSingleton(ConnectorOperations.class,
          new ConnectorOperations(destination, new RunnerIo(stdin, output)));
      CommandLine commandLine = new CommandLine(Commands.class, new MicronautFactory(context));
      commandLine.setOut(new PrintWriter(System.err, true));
      commandLine.setErr(new PrintWriter(System.err, true));
      commandLine.setParameterExceptionHandler((exception, arguments) -> {
        new FailureReporter(output).report(
            new ConfigErrorException("Invalid command line: " + exception.getMessage()), "arguments", null);
        return 2;
      });
      return commandLine.execute(args);
    } catch (Throwable e) {
      new FailureReporter(output).report(e, "Starting the connector", null);
      return 1;
    } finally {
      output.flush();
    }
  }
}
