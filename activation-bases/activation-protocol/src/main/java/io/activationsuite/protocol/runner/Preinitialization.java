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

  /**
   * Those of the classpath first (the engine's HTTP set-up: the largest share, needed last), then the runner's
   * own. In the other order the thread was still on the runner's part when the command reached it, and both
   * threads waited on each other's class initialisation (measured: a 150-record Braze write as a process,
   * 1.51-1.54 s in this order, 1.59-1.68 s in the other, 1.84-1.91 s without preinitialization).
   */
  private static void runAll() {
    List<Preinitializer> all = new ArrayList<>();
    try {
      ServiceLoader.load(Preinitializer.class, Preinitialization.class.getClassLoader()).forEach(all::add);
    } catch (Throwable e) {
      // a broken service entry: the ones found so far still run
    }
    all.add(new ProtocolPreinitializer());
    for (Preinitializer preinitializer : all) {
      try {
        preinitializer.preinitialize();
      } catch (Throwable e) {
        // ignored by design: the command itself meets the same failure and reports it
      }
    }
  }
}
