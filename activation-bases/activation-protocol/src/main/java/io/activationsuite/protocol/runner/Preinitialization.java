package io.activationsuite.protocol.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Starts the {@link Preinitializer}s on a background thread at the start of a command that talks to the
 * destination. The runner's own start-up (Micronaut, picocli) is single-threaded; meanwhile a second core would
 * sit idle, and the command would later spend a few hundred milliseconds loading the classes of the HTTP client,
 * the JSON schema validator and the catalog model on its critical path. Only with more than one processor: on
 * one, the work would only compete with the start-up it is meant to shorten.
 */
public final class Preinitialization {
  private static final Set<String> COMMANDS = Set.of("check", "discover", "write");

  private Preinitialization() {}

  /** Starts preinitializing for the command in {@code args}; the thread, when one was started. */
  public static Optional<Thread> startFor(String[] args) {
    return startFor(args, Runtime.getRuntime().availableProcessors());
  }

  static Optional<Thread> startFor(String[] args, int processors) {
    if (processors < 2 || args.length == 0 || !COMMANDS.contains(args[0])) {
      return Optional.empty();
    }
    Thread thread = Thread.ofPlatform().name("preinitialization").daemon().unstarted(Preinitialization::runAll);
    thread.start();
    return Optional.of(thread);
  }

  /** The runner's own preinitializer first, then those of the classpath. */
  private static void runAll() {
    List<Preinitializer> all = new ArrayList<>();
    all.add(new ProtocolPreinitializer());
    try {
      ServiceLoader.load(Preinitializer.class, Preinitialization.class.getClassLoader()).forEach(all::add);
    } catch (Throwable e) {
      // a broken service entry: the ones found so far still run
    }
    for (Preinitializer preinitializer : all) {
      try {
        preinitializer.preinitialize();
      } catch (Throwable e) {
        // ignored by design: the command itself meets the same failure and reports it
      }
    }
  }
}
