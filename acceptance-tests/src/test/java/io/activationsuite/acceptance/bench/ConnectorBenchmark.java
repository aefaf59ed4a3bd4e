package io.activationsuite.acceptance.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.acceptance.connectors.ConnectorDescriptor;
import io.activationsuite.acceptance.connectors.Connectors;
import io.activationsuite.acceptance.connectors.WriteTarget;
import io.activationsuite.acceptance.harness.CommandResult;
import io.activationsuite.acceptance.harness.ConnectorHarness;
import io.activationsuite.acceptance.harness.RecordingListener;
import io.activationsuite.localsync.launch.ConnectorInvocation;
import io.activationsuite.localsync.launch.ConnectorLauncher;
import io.activationsuite.localsync.launch.ConnectorRun;
import io.activationsuite.localsync.launch.DockerConnectorLauncher;
import io.activationsuite.localsync.launch.JarConnectorLauncher;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.FaultConfig;
import io.activationsuite.sandbox.LatencySpec;
import io.activationsuite.sandbox.RequestLogEntry;
import io.activationsuite.sandbox.SandboxOptions;
import io.activationsuite.testkit.messages.ConfiguredCatalogs;
import io.activationsuite.testkit.messages.PlatformSyncInput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code bin/bench connectors [records] [--docker]}: per connector, starts its sandbox at the vendor's
 * default limits with realistic latency, writes a few tens of thousands of records through the
 * connector jar (and its image with {@code --docker}) as the platform does, and prints records/s, the
 * ratio to what the vendor limit allows, throttling answers seen after the first rate-limit window and
 * the connector process's peak RSS. A command that prints figures, not a test.
 */
public final class ConnectorBenchmark {

  private static final int DEFAULT_RECORDS = 30_000;
  private static final int STATE_EVERY = 1_000;
  private static final Duration SAMPLE_EVERY = Duration.ofMillis(100);
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(20);

  private ConnectorBenchmark() {
  }

  /** Runs the benchmark; arguments: {@code [records] [--docker] [--connector NAME]}. */
  public static void main(String[] args) throws Exception {
    int records = DEFAULT_RECORDS;
    boolean docker = false;
    List<String> only = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--docker" -> docker = true;
        case "--connector" -> only.add(args[++i]);
        default -> records = Integer.parseInt(args[i].replace("_", ""));
      }
    }
    System.out.printf(Locale.ROOT, "machine: %d cores, %s %s, java %s%n", Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"));
    System.out.printf(Locale.ROOT, "%-11s %-6s %8s %9s %10s %9s %7s %10s %9s%n", "connector", "mode", "records",
        "seconds", "records/s", "allowed/s", "ratio", "throttled*", "peak RSS");
    for (ConnectorDescriptor connector : Connectors.all().toList()) {
      if (!only.isEmpty() && !only.contains(connector.tool())) {
        continue;
      }
      VendorProfile profile = VendorProfile.of(connector.tool());
      print(run(connector, profile, "jar", JarConnectorLauncher.of(ConnectorHarness.jar(connector.tool())), records));
      if (docker) {
        String image = ConnectorHarness.image(connector.tool());
        print(run(connector, profile, "docker:" + image, DockerConnectorLauncher.of(image), records));
      }
    }
    System.out.println("* throttling answers (HubSpot 429, Salesforce 403 REQUEST_LIMIT_EXCEEDED) after the first "
        + "rate-limit window");
  }

  private static void print(Result result) {
    System.out.printf(Locale.ROOT, "%-11s %-6s %8d %9.1f %10.0f %9.0f %7.2f %10d %9s%n", result.tool(),
        result.mode(), result.records(), result.seconds(), result.recordsPerSecond(), result.allowedPerSecond(),
        result.recordsPerSecond() / result.allowedPerSecond(), result.throttledAfterFirstWindow(),
        result.peakRssKb() <= 0 ? "n/a" : (result.peakRssKb() / 1024) + " MB");
    System.out.println("  " + result.profile());
  }

  private static Result run(ConnectorDescriptor connector, VendorProfile profile, String mode,
      ConnectorLauncher launcher, int count) throws Exception {
    try (EmulatorServer sandbox = EmulatorServer.start(connector.emulator(), profile.options())) {
      WriteTarget target = connector.upsertTarget();
      PlatformSyncInput input = new PlatformSyncInput().started("bench");
      List<ObjectNode> samples = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        ObjectNode record = connector.record(target, i, 1, sandbox);
        input.record("bench", record);
        if (i < 10) {
          samples.add(record);
        }
        if ((i + 1) % STATE_EVERY == 0) {
          input.streamState("bench");
        }
      }
      input.streamState("bench").complete("bench");
      String catalog = ConfiguredCatalogs.forSync(1).stream("bench", target.object(), target.syncMode(),
          target.matchingKey(), samples).json();
      RecordingListener listener = new RecordingListener();
      AtomicLong peakKb = new AtomicLong(-1);
      Instant start = Instant.now();
      CommandResult result;
      try (ConnectorRun run = launcher.launch(ConnectorInvocation.write(connector.validConfig(sandbox).toString(),
          catalog), listener)) {
        Thread sampler = Thread.ofPlatform().daemon().start(() -> samplePeakRss(mode, peakKb, run));
        for (String line : input.lines()) {
          run.writeLine(line);
        }
        run.closeStdin();
        int exit = run.waitFor(RUN_TIMEOUT);
        sampler.interrupt();
        result = listener.result(exit);
      }
      double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
      if (result.exitCode() != 0 || !result.traceErrors().isEmpty()) {
        throw new IllegalStateException(connector.tool() + " " + mode + " failed: " + result.describe());
      }
      int landed = connector.liveCount(sandbox, target.object());
      if (landed != count) {
        throw new IllegalStateException(connector.tool() + " " + mode + ": " + landed + " of " + count + " landed");
      }
      long throttled = throttledAfterFirstWindow(sandbox.requests().entries(), profile);
      return new Result(connector.tool(), mode.startsWith("docker") ? "docker" : "jar", count, seconds,
          count / seconds, profile.allowedRecordsPerSecond(), throttled, peakKb.get(), profile.description());
    }
  }

  private static long throttledAfterFirstWindow(List<RequestLogEntry> entries, VendorProfile profile) {
    if (entries.isEmpty()) {
      return 0;
    }
    Instant firstWindowEnd = Instant.parse(entries.get(0).startedAt()).plus(profile.window());
    return entries.stream()
        .filter(e -> e.status() == profile.throttleStatus())
        .filter(e -> Instant.parse(e.startedAt()).isAfter(firstWindowEnd))
        .count();
  }

  /** Samples VmHWM of the connector's JVM (jar: our child process; docker: the container's init pid). */
  private static void samplePeakRss(String mode, AtomicLong peakKb, ConnectorRun run) {
    Optional<Long> pid = Optional.empty();
    while (!Thread.currentThread().isInterrupted() && run.isAlive()) {
      if (pid.isEmpty()) {
        pid = mode.startsWith("docker:") ? containerPid(mode.substring("docker:".length())) : childJavaPid();
      }
      pid.flatMap(ConnectorBenchmark::vmHwmKb).ifPresent(kb -> peakKb.accumulateAndGet(kb, Math::max));
      try {
        TimeUnit.MILLISECONDS.sleep(SAMPLE_EVERY.toMillis());
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private static Optional<Long> childJavaPid() {
    return ProcessHandle.current().children()
        .filter(p -> p.info().commandLine().orElse("").contains(".jar"))
        .map(ProcessHandle::pid).findFirst();
  }

  /** The host pid of the running container of {@code image} (the benchmark runs one at a time). */
  private static Optional<Long> containerPid(String image) {
    try {
      String container = docker("ps", "-q", "--filter", "ancestor=" + image).lines().findFirst().orElse("");
      if (container.isBlank()) {
        return Optional.empty();
      }
      String out = docker("inspect", "-f", "{{.State.Pid}}", container).trim();
      long pid = out.isEmpty() ? 0 : Long.parseLong(out);
      return pid > 0 ? Optional.of(pid) : Optional.empty();
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private static String docker(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("docker"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return process.waitFor() == 0 ? out : "";
  }

  private static Optional<Long> vmHwmKb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Optional.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
        }
      }
    } catch (IOException | NumberFormatException e) {
      // the process ended between two samples
    }
    return Optional.empty();
  }

  /** One connector run's figures. */
  private record Result(String tool, String mode, int records, double seconds, double recordsPerSecond,
      double allowedPerSecond, long throttledAfterFirstWindow, long peakRssKb, String profile) {
  }

  /** The vendor defaults a connector is benchmarked against, and the throughput they allow. */
  private record VendorProfile(SandboxOptions options, double allowedRecordsPerSecond, Duration window,
      int throttleStatus, String description) {

    static VendorProfile of(String tool) {
      return switch (tool) {
        // Professional/Enterprise private app: 190 requests per 10 s; batch upsert takes 100 inputs.
        case "hubspot" -> new VendorProfile(SandboxOptions.defaults().withFaults(FaultConfig.none()
            .withRateLimit(190, 10_000L).withLatency(LatencySpec.fixed(100))), 190 / 10.0 * 100,
            Duration.ofSeconds(10), 429,
            "HubSpot: 190 requests/10 s, 100 ms latency, 100 records per batch call -> 1,900 records/s allowed");
        // Bulk API 2.0 realistic profile: 2 s start, 2,000 records/s per job, 10,000-row chunks.
        case "salesforce" -> new VendorProfile(SandboxOptions.defaults().withProperty("bulkProfile", "realistic")
            .withFaults(FaultConfig.none().withLatency(LatencySpec.fixed(100))), 2_000, Duration.ofSeconds(10), 403,
            "Salesforce: Bulk API 2.0 realistic profile (2 s start, 2,000 records/s per job, 10,000-row chunks), "
                + "100 ms latency -> 2,000 records/s per job allowed");
        default -> throw new IllegalArgumentException("no benchmark profile for " + tool);
      };
    }
  }
}
