package io.activationsuite.localsync;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.localsync.launch.ConnectorLauncher;
import io.activationsuite.localsync.launch.DockerConnectorLauncher;
import io.activationsuite.localsync.launch.JarConnectorLauncher;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.Sandbox;
import io.activationsuite.sandbox.SandboxOptions;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code local-sync run [--sandbox] [--docker] sync.yaml...}: the Airbyte platform's part, locally. Each
 * sync file runs one connector (its jar, or its Docker image) through spec, check and write, and the
 * report says what was sent, what landed, what was rejected and why.
 */
@Command(name = "local-sync", mixinStandardHelpOptions = true, subcommands = LocalSyncMain.Run.class,
    description = "Run warehouse-to-app syncs locally, the way the Airbyte platform runs a destination.")
public final class LocalSyncMain {

  public static void main(String[] args) {
    System.exit(new CommandLine(new LocalSyncMain()).execute(args));
  }

  /** The {@code run} command. */
  @Command(name = "run", mixinStandardHelpOptions = true, description = "Run one or more sync files.")
  static final class Run implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "SYNC_FILE", description = "Sync files (YAML).")
    List<Path> syncFiles;

    @Option(names = "--sandbox", description = "Start the local API sandbox and point the connectors at it.")
    boolean sandbox;

    @Option(names = "--docker", description = "Run the connectors' Docker images instead of their jars.")
    boolean docker;

    @Option(names = "--image-tag", defaultValue = "dev", description = "Image tag with --docker (default: dev).")
    String imageTag;

    @Option(names = "--output", defaultValue = "target/local-sync",
        description = "Where rejected records of local runs are stored (default: target/local-sync).")
    Path output;

    @Option(names = "--no-progress", description = "Do not draw progress bars.")
    boolean noProgress;

    @Override
    public Integer call() throws Exception {
      PrintStream out = System.out;
      SyncFileLoader loader = new SyncFileLoader();
      List<SyncFile> files = new ArrayList<>();
      for (Path path : syncFiles) {
        files.add(loader.load(path));
      }
      Set<String> destinations = new LinkedHashSet<>();
      files.forEach(f -> destinations.add(f.destination()));
      boolean allSucceeded = true;
      try (Sandbox started = sandbox ? Sandbox.start(SandboxOptions.defaults(), destinations.toArray(String[]::new))
          : null) {
        long syncId = System.currentTimeMillis() / 1000;
        for (SyncFile file : files) {
          Path rejectedDir = output.toAbsolutePath().resolve("rejected").resolve(file.destination());
          Files.createDirectories(rejectedDir);
          Map<String, String> values = new HashMap<>();
          values.put("run.rejected_dir", rejectedDir.toString());
          values.put("run.sync_id", Long.toString(syncId));
          EmulatorServer server = started == null ? null : started.server(file.destination());
          if (server != null) {
            values.put("sandbox.base_url", server.baseUrl().toString().replaceAll("/$", ""));
            server.credentials().forEach((key, value) -> values.put("sandbox." + key, value));
          }
          out.printf("%nSyncing %s -> %s%s%n", syncFilesOf(file), file.destination(),
              server != null ? " (sandbox at " + server.baseUrl() + ")" : "");
          LocalSync sync = new LocalSync(file, launcherFor(file.destination()), values, System.err,
              !noProgress && System.console() != null);
          SyncResult result = sync.run(syncId, rejectedDir);
          ReportPrinter printer = new ReportPrinter(out);
          printer.print(result);
          if (server != null) {
            printLanded(out, server, file);
          }
          printer.printRejected(RejectedSummary.read(rejectedDir.resolve(Long.toString(syncId)), 6),
              rejectedDir.resolve(Long.toString(syncId)));
          allSucceeded &= result.succeeded();
        }
      }
      return allSucceeded ? 0 : 1;
    }

    private static String syncFilesOf(SyncFile file) {
      return file.streams().stream().map(SyncFile.StreamSpec::name).toList().toString();
    }

    private ConnectorLauncher launcherFor(String destination) {
      if (docker) {
        return DockerConnectorLauncher.of("activation-suite/destination-" + destination + ":" + imageTag);
      }
      Path jar = ConnectorJars.locate(destination);
      return JarConnectorLauncher.of(jar);
    }

    private static void printLanded(PrintStream out, EmulatorServer server, SyncFile file) {
      Set<String> objects = new LinkedHashSet<>();
      file.streams().forEach(s -> objects.add(s.object()));
      for (String object : objects) {
        JsonNode landed = server.objects(object);
        int count = landed.isArray() ? landed.size() : landed.path("records").size();
        out.printf("  landed in the %s sandbox: %d %s records%n", server.name(), count, object);
      }
    }
  }
}
