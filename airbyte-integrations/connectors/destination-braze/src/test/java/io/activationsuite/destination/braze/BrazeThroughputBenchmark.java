package io.activationsuite.destination.braze;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.testkit.messages.ConfiguredCatalogs;
import io.activationsuite.testkit.messages.InProcessRun;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Throughput benchmark (a main, not a test): N profile attribute upserts by external_id written through
 * the connector in-process (runner, engine, Braze writer) to the Braze emulator running as its own process
 * at Braze's /users/track limit (3,000 requests per 3 s) with 50 ms latency per call. Prints records/s as a
 * share of the 75,000 objects/s the limit allows, the request pacing that bounds it, and the CPU each
 * process used, since both share this machine's cores. Run:
 * {@code airbyte-integrations/connectors/destination-braze/bin/bench-throughput [profiles] [concurrency]}.
 */
public final class BrazeThroughputBenchmark {

  private static final double LIMIT_OBJECTS_PER_SECOND = 75_000;
  private static final int LATENCY_MILLIS = 50;

  private BrazeThroughputBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    int profiles = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 64;
    String sandboxJar = System.getProperty("bench.sandboxJar");
    // the emulator stands in for Braze's servers, whose CPU a user never pays: it runs with a JIT and collector
    // that cost least on a short run (C1 only, serial GC), so it takes less of the cores the connector needs
    Process emulator = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx1g",
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", sandboxJar, "-e", "braze", "--latency",
        Integer.toString(LATENCY_MILLIS), "--exit-on-stdin-close")
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try {
      String banner = new BufferedReader(new InputStreamReader(emulator.getInputStream(), StandardCharsets.UTF_8))
          .readLine();
      String[] words = banner.split(" ");
      ObjectNode config = BrazeFixtures.MAPPER.createObjectNode().put("api_key", words[2].substring(8))
          .put("instance", "custom").put("custom_rest_endpoint", words[1]).put("concurrency", concurrency);
      config.putObject("object_storage_config").put("storage_type", "None");
      run(profiles, concurrency, config, words[1], emulator);
    } finally {
      emulator.getOutputStream().close();
      emulator.destroy();
    }
  }

  private static void run(int profiles, int concurrency, ObjectNode config, String url, Process emulator)
      throws Exception {
    // generated while the connector reads it, as a pipe delivers a user's records: the input is never resident
    InputStream stdin = new LineStream(profiles);
    ObjectNode sample = BrazeFixtures.MAPPER.createObjectNode().put("external_id", "x").put("first_name", "x")
        .put("last_name", "x").put("email", "x").put("country", "x").put("health_segment", "x").put("score", 1);
    String catalog = ConfiguredCatalogs.forSync(1).stream("profiles", "users", "append_dedup",
        List.of("external_id"), List.of(sample)).json();
    Path dir = Files.createTempDirectory("braze-bench");
    warmUp(url, config.path("api_key").asText());
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    long emulatorCpu0 = cpuNanos(emulator);
    long t0 = System.nanoTime();
    Instant started = Instant.now();
    InProcessRun run = InProcessRun.of(dir, "write", config, catalog, stdin);
    double seconds = (System.nanoTime() - t0) / 1e9;
    double connectorCpu = (os.getProcessCpuTime() - cpu0) / 1e9;
    double emulatorCpu = (cpuNanos(emulator) - emulatorCpu0) / 1e9;
    long accepted = 0;
    for (JsonNode state : run.ofType("STATE")) {
      accepted += (long) state.path("state").path("destinationStats").path("recordCount").asDouble();
    }
    JsonNode requests = BrazeFixtures.MAPPER.readTree(HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(url + "/__sandbox/requests")).timeout(Duration.ofSeconds(60)).build(),
        HttpResponse.BodyHandlers.ofString()).body());
    long tracks = 0;
    long throttled = 0;
    double handling = 0;
    List<Instant> arrivals = new ArrayList<>();
    JsonNode firstCall = null;
    for (JsonNode request : requests) {
      if (firstCall == null && !request.path("path").asText().startsWith("/__sandbox")) {
        firstCall = request;
      }
      if (request.path("path").asText().equals("/users/track")) {
        arrivals.add(Instant.parse(request.path("startedAt").asText()));
        tracks++;
        throttled += request.path("status").asInt() == 429 ? 1 : 0;
        handling += request.path("durationMillis").asDouble();
      }
    }
    double rate = accepted / seconds;
    double meanMillis = tracks == 0 ? 0 : handling / tracks;
    double pacingCeiling = concurrency * 75 * 1000.0 / Math.max(LATENCY_MILLIS, meanMillis);
    int cores = Runtime.getRuntime().availableProcessors();
    System.out.printf("exit code               %d%n", run.exitCode());
    System.out.printf("profiles acknowledged   %d of %d in %.1f s (JVM warm-up, discovery included)%n", accepted,
        profiles, seconds);
    System.out.printf("throughput              %.0f records/s = %.3f of the 75,000 objects/s Braze allows%n", rate,
        rate / LIMIT_OBJECTS_PER_SECOND);
    System.out.printf("/users/track requests   %d (%d x 429), %.1f objects per request%n", tracks, throttled,
        tracks == 0 ? 0 : (double) accepted / (tracks - throttled));
    if (firstCall != null) {
      System.out.printf("start-up                first call (%s %s) after %.2f s, answered in %d ms%n",
          firstCall.path("method").asText(), firstCall.path("path").asText(),
          Duration.between(started, Instant.parse(firstCall.path("startedAt").asText())).toNanos() / 1e9,
          firstCall.path("durationMillis").asLong());
    }
    Collections.sort(arrivals);
    if (arrivals.size() > 10) {
      Instant first = arrivals.get(0);
      Instant tenth = arrivals.get(arrivals.size() / 10);
      Instant ninetieth = arrivals.get(arrivals.size() * 9 / 10);
      double middle = Duration.between(tenth, ninetieth).toNanos() / 1e9;
      System.out.printf("timeline                first request after %.2f s, last after %.2f s; middle 80 %% of the"
          + " requests at %.0f records/s%n",
          Duration.between(started, first).toNanos() / 1e9,
          Duration.between(started, arrivals.get(arrivals.size() - 1)).toNanos() / 1e9,
          (arrivals.size() * 8 / 10) * 75 / middle);
    }
    System.out.printf("request handling        %.0f ms mean in the emulator (latency %d ms)%n", meanMillis,
        LATENCY_MILLIS);
    System.out.printf("concurrency ceiling     %.0f records/s (%d in flight x 75 / mean handling)%n", pacingCeiling,
        concurrency);
    System.out.printf("CPU connector           %.1f s = %.0f %% of %d cores over the run, %.0f us per profile%n",
        connectorCpu, 100 * connectorCpu / (seconds * cores), cores, connectorCpu * 1e6 / profiles);
    System.out.printf("CPU emulator            %.1f s = %.0f %% of %d cores over the run, %.0f us per profile%n",
        emulatorCpu, 100 * emulatorCpu / (seconds * cores), cores, emulatorCpu * 1e6 / profiles);
    System.out.println("CPU by thread kind      since each JVM started (Linux /proc): connector "
        + threadKinds(ProcessHandle.current().pid()) + "; emulator " + threadKinds(emulator.pid()));
    for (JsonNode trace : run.ofType("TRACE")) {
      if ("ERROR".equals(trace.path("trace").path("type").asText())) {
        System.out.println("error: " + trace.path("trace").path("error").path("message").asText());
      }
    }
  }

  /**
   * Braze's servers are warm when a sync starts; a fresh emulator JVM is not: a discovery call and a few
   * {@code /users/track} calls (of one warm-up profile, outside the figures) before the clock starts. The
   * connector is not warmed: its start-up is part of every sync.
   */
  private static void warmUp(String url, String key) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    client.send(HttpRequest.newBuilder(URI.create(url + "/custom_attributes")).header("Authorization", "Bearer " + key)
        .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.discarding());
    String body = "{\"attributes\":[" + String.join(",", Collections.nCopies(75,
        "{\"external_id\":\"warm-up\",\"first_name\":\"Warm\",\"country\":\"FR\"}")) + "]}";
    for (int i = 0; i < 20; i++) {
      client.send(HttpRequest.newBuilder(URI.create(url + "/users/track")).header("Authorization", "Bearer " + key)
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
          .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.discarding());
    }
    client.send(HttpRequest.newBuilder(URI.create(url + "/__sandbox/requests")).DELETE()
        .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.discarding());
  }

  /**
   * The benchmark's stdin, one line at a time: profiles with a STATE every 5,000, then the stream's end. Lines
   * are written as bytes into one reused buffer, so that generating the input (a source's work, on its own
   * process in a real sync) costs the measured JVM little.
   */
  private static final class LineStream extends InputStream {
    private static final byte[] HEAD = bytes("{\"type\":\"RECORD\",\"record\":{\"stream\":\"profiles\","
        + "\"emitted_at\":1,\"data\":{\"external_id\":\"user-");
    private static final byte[] FIRST_NAME = bytes("\",\"first_name\":\"First");
    private static final byte[] EMAIL = bytes("\",\"last_name\":\"Last\",\"email\":\"user");
    private static final byte[] COUNTRY = bytes("@example.com\",\"country\":\"FR\",\"health_segment\":\"");
    private static final byte[] AT_RISK = bytes("at_risk");
    private static final byte[] HEALTHY = bytes("healthy");
    private static final byte[] SCORE = bytes("\",\"score\":");
    private static final byte[] TAIL = bytes("}}}\n");
    private static final byte[] STATE_HEAD = bytes("{\"type\":\"STATE\",\"state\":{\"type\":\"STREAM\",\"stream\":"
        + "{\"stream_descriptor\":{\"name\":\"profiles\"},\"stream_state\":{\"at\":");
    private static final byte[] STATE_TAIL = bytes("}}}}\n");
    private static final byte[] COMPLETE = bytes("{\"type\":\"TRACE\",\"trace\":{\"type\":\"STREAM_STATUS\","
        + "\"emitted_at\":1,\"stream_status\":{\"stream_descriptor\":{\"name\":\"profiles\"},"
        + "\"status\":\"COMPLETE\"}}}\n");
    private final int profiles;
    private final byte[] line = new byte[1024];
    private int next;
    private boolean done;
    private int length;
    private int at;

    LineStream(int profiles) {
      this.profiles = profiles;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int max) {
      if (at == length && !advance()) {
        return -1;
      }
      int n = Math.min(max, length - at);
      System.arraycopy(line, at, buffer, offset, n);
      at += n;
      return n;
    }

    private boolean advance() {
      if (done) {
        return false;
      }
      int i = next++;
      length = 0;
      at = 0;
      if (i < profiles) {
        append(HEAD).append(i).append(FIRST_NAME).append(i).append(EMAIL).append(i).append(COUNTRY)
            .append(i % 3 == 0 ? AT_RISK : HEALTHY).append(SCORE).append(i % 100).append(TAIL);
        if ((i + 1) % 5_000 == 0 || i == profiles - 1) {
          append(STATE_HEAD).append(i).append(STATE_TAIL);
        }
      } else {
        append(COMPLETE);
        done = true;
      }
      return true;
    }

    private LineStream append(byte[] bytes) {
      System.arraycopy(bytes, 0, line, length, bytes.length);
      length += bytes.length;
      return this;
    }

    private LineStream append(int value) {
      int digits = value == 0 ? 1 : (int) Math.log10(value) + 1;
      for (int d = digits - 1, v = value; d >= 0; d--, v /= 10) {
        line[length + d] = (byte) ('0' + v % 10);
      }
      length += digits;
      return this;
    }

    private static byte[] bytes(String text) {
      return text.getBytes(StandardCharsets.UTF_8);
    }
  }

  /** CPU seconds of a process's live threads by kind: JIT compiler, garbage collector (and VM thread), the rest. */
  private static String threadKinds(long pid) {
    double[] seconds = new double[3];
    try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path task : tasks.toList()) {
        String stat = Files.readString(task.resolve("stat"));
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        double cpu = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0; // USER_HZ
        int kind = name.contains("CompilerThre") ? 0
            : name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread") ? 1 : 2;
        seconds[kind] += cpu;
      }
    } catch (java.io.IOException | RuntimeException e) {
      return "n/a (" + e.getMessage() + ")";
    }
    return String.format("JIT %.1f s, GC %.1f s, rest %.1f s", seconds[0], seconds[1], seconds[2]);
  }

  private static long cpuNanos(Process process) {
    return process.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
  }
}
