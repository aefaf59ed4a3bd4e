package io.activationsuite.localsync;

import io.activationsuite.localsync.launch.ConnectorLaunchException;
import io.activationsuite.localsync.launch.ConnectorLauncher;
import io.activationsuite.localsync.launch.DockerConnectorLauncher;
import io.activationsuite.localsync.launch.JarConnectorLauncher;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.Emulators;
import io.activationsuite.sandbox.Sandbox;
import io.activationsuite.sandbox.SandboxOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code local-sync run|preview|sandbox|objects}: the Airbyte platform's part, locally. {@code run} sends
 * each sync file's new and changed rows through the connector (its jar, or its Docker image) and reports
 * what landed and what was rejected and why; {@code preview} does the same with the connector's dry run;
 * {@code sandbox} keeps the emulators running between runs; {@code objects} lists what a destination
 * offers. Errors a user can fix are one line, without a stack trace.
 */
@Command(name = "local-sync", mixinStandardHelpOptions = true,
    subcommands = {LocalSyncMain.Run.class, LocalSyncMain.Preview.class, LocalSyncMain.SandboxCommand.class,
        ObjectsCommand.class},
    description = "Run warehouse-to-app syncs locally, the way the Airbyte platform runs a destination.")
public final class LocalSyncMain {

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line with its user-facing error handling (tests use it too). */
  public static CommandLine commandLine() {
    CommandLine line = new CommandLine(new LocalSyncMain());
    line.setExecutionExceptionHandler((error, commandLine, parseResult) -> {
      PrintStream err = System.err;
      err.println(Terminal.detect().red("error: ") + userMessage(error));
      if (System.getenv("LOCAL_SYNC_DEBUG") != null) {
        error.printStackTrace(err);
      }
      return 2;
    });
    return line;
  }

  /** The message of an error as a user should read it: theirs to fix, or what broke and how to see more. */
  static String userMessage(Throwable error) {
    if (error instanceof UserError || error instanceof IllegalArgumentException
        || error instanceof ConnectorLaunchException) {
      return error.getMessage();
    }
    if (error instanceof java.nio.file.NoSuchFileException missing) {
      return "not found: " + missing.getFile();
    }
    return error.getClass().getSimpleName() + ": " + error.getMessage()
        + " (set LOCAL_SYNC_DEBUG=1 to see the stack trace)";
  }

  /** Options of the commands that run sync files. */
  static final class SyncOptions {
    @Parameters(arity = "1..*", paramLabel = "SYNC_FILE", description = "Sync files (YAML).")
    List<Path> syncFiles;

    @Option(names = "--sandbox", description = "Start a one-shot local API sandbox for this run (starts empty).")
    boolean sandbox;

    @Option(names = "--sandbox-url", paramLabel = "URL",
        description = "Use a running sandbox (bin/local-sync sandbox prints the URLs); repeatable.")
    List<String> sandboxUrls = new ArrayList<>();

    @Option(names = "--docker", description = "Run the connectors' Docker images instead of their jars.")
    boolean docker;

    @Option(names = "--image-tag", defaultValue = "dev", description = "Image tag with --docker (default: dev).")
    String imageTag;

    @Option(names = "--output", defaultValue = "target/local-sync",
        description = "Where rejected records of local runs are stored (default: target/local-sync).")
    Path output;

    @Option(names = "--full-resync", description = "Send every row, not only new and changed ones.")
    boolean fullResync;

    @Option(names = "--no-progress", description = "Do not draw progress bars.")
    boolean noProgress;
  }

  /** The {@code run} command. */
  @Command(name = "run", mixinStandardHelpOptions = true,
      description = "Send each sync file's new and changed rows (and removals) and report per stream.")
  static final class Run implements Callable<Integer> {
    @Mixin SyncOptions sync;

    @Option(names = "--allow-nothing-landed",
        description = "Exit 0 even when records were sent and every one was rejected.")
    boolean allowNothingLanded;

    @Override
    public Integer call() throws Exception {
      return runAll(sync, false, allowNothingLanded);
    }
  }

  /** The {@code preview} command. */
  @Command(name = "preview", mixinStandardHelpOptions = true,
      description = "Show what a run would send (diff, operations, rejections, payloads); writes nothing.")
  static final class Preview implements Callable<Integer> {
    @Mixin SyncOptions sync;

    @Override
    public Integer call() throws Exception {
      return runAll(sync, true, true);
    }
  }

  static int runAll(SyncOptions sync, boolean preview, boolean allowNothingLanded) throws Exception {
    PrintStream out = System.out;
    Terminal terminal = Terminal.detect();
    SyncFileLoader loader = new SyncFileLoader();
    List<SyncFile> files = new ArrayList<>();
    for (Path path : sync.syncFiles) {
      files.add(loader.load(path));
    }
    Map<String, SandboxEndpoint> remote = new LinkedHashMap<>();
    for (String url : sync.sandboxUrls) {
      SandboxEndpoint endpoint = SandboxEndpoint.fetch(url);
      remote.put(endpoint.name(), endpoint);
    }
    Set<String> destinations = new LinkedHashSet<>();
    files.forEach(f -> destinations.add(f.destination()));
    boolean allSucceeded = true;
    try (Sandbox started = sync.sandbox ? Sandbox.start(SandboxOptions.defaults(), destinations.toArray(String[]::new))
        : null) {
      long syncId = System.currentTimeMillis() / 1000;
      for (SyncFile file : files) {
        Path rejectedDir = sync.output.toAbsolutePath().resolve(preview ? "preview" : "rejected")
            .resolve(file.destination());
        Files.createDirectories(rejectedDir);
        Map<String, String> values = new HashMap<>();
        values.put("run.rejected_dir", rejectedDir.toString());
        values.put("run.sync_id", Long.toString(syncId));
        SandboxEndpoint endpoint = remote.get(file.destination());
        if (endpoint == null && started != null) {
          EmulatorServer server = started.server(file.destination());
          endpoint = SandboxEndpoint.fetch(server.baseUrl().toString());
        }
        if (endpoint != null) {
          values.putAll(endpoint.placeholders());
        }
        LocalSync.Options options = new LocalSync.Options(preview, sync.fullResync,
            remote.containsKey(file.destination()) || started == null ? file.snapshotPath() : null,
            endpoint == null ? "account" : endpoint.target(), !sync.noProgress && terminal.interactive(), terminal);
        out.printf("%n%s%n", Terminal.fit((preview ? "Previewing " : "Syncing ") + file.path().getFileName() + " "
            + streamNames(file) + " -> " + file.destination(), Terminal.WIDTH));
        if (endpoint != null) {
          out.println(Terminal.fit("  sandbox at " + endpoint.baseUrl(), Terminal.WIDTH));
        }
        LocalSync localSync = new LocalSync(file, launcherFor(sync, file.destination(), rejectedDir), values,
            System.err, options);
        SyncResult result = localSync.run(syncId, rejectedDir);
        ReportPrinter printer = new ReportPrinter(out, terminal);
        printer.print(result, preview);
        if (preview) {
          printer.printPreview(result.previews());
        } else if (endpoint != null) {
          printLanded(out, endpoint, file);
        }
        Path ofRun = rejectedDir.resolve(Long.toString(syncId));
        printer.printRejected(RejectedSummary.read(ofRun, 3), ofRun);
        allSucceeded &= result.succeeded() && (allowNothingLanded || !result.nothingLanded());
      }
    }
    return allSucceeded ? 0 : 1;
  }

  private static String streamNames(SyncFile file) {
    return file.streams().stream().map(SyncFile.StreamSpec::name).toList().toString();
  }

  static ConnectorLauncher launcherFor(SyncOptions sync, String destination, Path rejectedDir) throws IOException {
    if (sync.docker) {
      return dockerLauncher("activation-suite/destination-" + destination + ":" + sync.imageTag, "docker",
          rejectedDir);
    }
    return JarConnectorLauncher.of(ConnectorJars.locate(destination));
  }

  /**
   * The connector's image with this run's rejected-records directory mounted at the same path, writable
   * by the image's user, so the Local directory the config names is the one the report reads.
   */
  static DockerConnectorLauncher dockerLauncher(String image, String docker, Path rejectedDir) throws IOException {
    Files.createDirectories(rejectedDir);
    Files.setPosixFilePermissions(rejectedDir, PosixFilePermissions.fromString("rwxrwxrwx"));
    String path = rejectedDir.toAbsolutePath().toString();
    return new DockerConnectorLauncher(image, docker, "host", List.of("-v", path + ":" + path));
  }

  private static void printLanded(PrintStream out, SandboxEndpoint endpoint, SyncFile file) {
    Set<String> objects = new LinkedHashSet<>();
    file.streams().forEach(s -> objects.add(s.object()));
    for (String object : objects) {
      int landed = endpoint.landed(object);
      if (landed >= 0) {
        out.printf("  the %s sandbox now holds %,d %s records%n", endpoint.name(), landed, object);
      }
    }
  }

  /** The {@code sandbox} command. */
  @Command(name = "sandbox", mixinStandardHelpOptions = true,
      description = "Keep the API emulators running between runs (Ctrl-C stops them).")
  static final class SandboxCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "NAME", description = "Emulators to start (default: all).")
    List<String> names = new ArrayList<>();

    @Option(names = {"-p", "--port"}, paramLabel = "NAME=PORT", description = "Fixed port of an emulator.")
    Map<String, Integer> ports = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
      List<String> chosen = names.isEmpty() ? List.copyOf(Emulators.available().keySet()) : names;
      Map<String, SandboxOptions> byName = new LinkedHashMap<>();
      for (String name : chosen) {
        byName.put(name, SandboxOptions.defaults().withPort(ports.getOrDefault(name, 0)));
      }
      Sandbox sandbox = Sandbox.start(byName);
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        sandbox.close();
        stopped.countDown();
      }, "sandbox-stop"));
      PrintStream out = System.out;
      Terminal terminal = Terminal.detect();
      out.println(terminal.bold("Sandbox running (Ctrl-C stops it; state lives in memory):"));
      StringBuilder urls = new StringBuilder();
      for (EmulatorServer server : sandbox.servers()) {
        out.printf("  %-12s %s%n", server.name(), server.baseUrl());
        out.printf("  %-12s inspect: /__sandbox/objects/<object>, /__sandbox/requests%n", "");
        urls.append(" --sandbox-url ").append(server.baseUrl());
      }
      out.println("Use it from another terminal:");
      out.println("  bin/local-sync run" + urls + " SYNC_FILE");
      out.flush();
      stopped.await();
      return 0;
    }
  }
}
