package io.activationsuite.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Command line that starts emulators for demos, benchmarks and manual testing, prints one line per
 * emulator ({@code <name> <base-url> key=value ...} with the credentials to use) and runs until
 * stopped (SIGTERM / Ctrl-C, or stdin closing with {@code --exit-on-stdin-close}).
 */
@Command(name = "activation-sandbox", mixinStandardHelpOptions = true,
    description = "Runs local emulators of SaaS write APIs on loopback.")
public final class SandboxMain implements Callable<Integer> {

  @Option(names = {"-e", "--emulator"}, required = true, paramLabel = "NAME",
      description = "Emulator to start (repeatable), e.g. hubspot, salesforce.")
  List<String> emulators = new ArrayList<>();

  @Option(names = {"-p", "--port"}, paramLabel = "NAME=PORT",
      description = "Fixed port of an emulator (default: a free port).")
  Map<String, Integer> ports = new LinkedHashMap<>();

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--seed", defaultValue = "42",
      description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--latency", paramLabel = "SPEC",
      description = "Latency per response: 100, fixed:100, uniform:50-150 or normal:120,30[,60-400] (ms).")
  String latency;

  @Option(names = "--rate-limit", paramLabel = "N", description = "Requests per rate-limit interval (overrides tier).")
  Integer rateLimit;

  @Option(names = "--rate-limit-interval-ms", paramLabel = "MS", description = "Rate-limit interval length.")
  Long rateLimitInterval;

  @Option(names = "--daily-limit", paramLabel = "N", description = "Requests per day (overrides tier).")
  Long dailyLimit;

  @Option(names = "--error-ratio", paramLabel = "R", description = "Share of requests answered 503 (0..1).")
  Double errorRatio;

  @Option(names = "--error-status", paramLabel = "STATUS", description = "Status of injected errors (5xx).")
  Integer errorStatus;

  @Option(names = "--reset-ratio", paramLabel = "R", description = "Share of connections dropped (0..1).")
  Double resetRatio;

  @Option(names = "--timeout-ratio", paramLabel = "R", description = "Share of requests held unanswered (0..1).")
  Double timeoutRatio;

  @Option(names = "--timeout-hold-ms", paramLabel = "MS", description = "How long a held request waits.")
  Long timeoutHold;

  @Option(names = "--token-lifetime", paramLabel = "SECONDS", description = "Lifetime of issued access tokens.")
  Long tokenLifetime;

  @Option(names = {"-D", "--set"}, paramLabel = "NAME.KEY=VALUE",
      description = "Vendor property, e.g. hubspot.tier=starter (see docs/sandbox).")
  Map<String, String> properties = new LinkedHashMap<>();

  @Option(names = "--exit-on-stdin-close", description = "Stop when standard input reaches end of file.")
  boolean exitOnStdinClose;

  private final PrintWriter out;
  private final InputStream stdin;
  private final CountDownLatch stop = new CountDownLatch(1);
  private volatile Sandbox running;

  SandboxMain(PrintWriter out, InputStream stdin) {
    this.out = out;
    this.stdin = stdin;
  }

  /** Entry point of the runnable jar. */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8);
    System.exit(new CommandLine(new SandboxMain(out, System.in)).execute(args));
  }

  @Override
  public Integer call() throws InterruptedException {
    FaultConfig faults = FaultConfig.none()
        .withLatency(latency == null ? null : LatencySpec.parse(latency))
        .withRateLimit(rateLimit, rateLimitInterval)
        .withDailyLimit(dailyLimit)
        .withErrorRatios(errorRatio, errorStatus, resetRatio, timeoutRatio)
        .withTimeoutHoldMillis(timeoutHold)
        .withTokenLifetimeSeconds(tokenLifetime);
    Map<String, SandboxOptions> byName = new LinkedHashMap<>();
    for (String name : emulators) {
      SandboxOptions options = new SandboxOptions(host, ports.getOrDefault(name, 0), seed, null, faults, Map.of());
      for (Map.Entry<String, String> property : properties.entrySet()) {
        if (property.getKey().startsWith(name + ".")) {
          options = options.withProperty(property.getKey().substring(name.length() + 1), property.getValue());
        }
      }
      byName.put(name, options);
    }
    running = Sandbox.start(byName);
    Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "sandbox-shutdown"));
    for (EmulatorServer server : running.servers()) {
      out.println(describe(server));
    }
    out.flush();
    if (exitOnStdinClose) {
      Thread.ofVirtual().start(this::awaitStdinEof);
    }
    stop.await();
    return 0;
  }

  /** Stops the emulators and releases {@link #call()}. */
  void shutdown() {
    Sandbox sandbox = running;
    if (sandbox != null) {
      sandbox.close();
    }
    stop.countDown();
  }

  static String describe(EmulatorServer server) {
    String credentials = server.credentials().entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(" "));
    return (server.name() + " " + server.baseUrl() + " " + credentials).trim();
  }

  private void awaitStdinEof() {
    try {
      while (stdin.read() != -1) {
        // discard input; only end of file matters
      }
    } catch (IOException e) {
      // treat a broken stdin like end of file
    }
    shutdown();
  }
}
