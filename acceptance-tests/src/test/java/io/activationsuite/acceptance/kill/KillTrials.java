package io.activationsuite.acceptance.kill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.acceptance.connectors.ConnectorDescriptor;
import io.activationsuite.acceptance.connectors.SuiteStreams;
import io.activationsuite.acceptance.harness.CommandResult;
import io.activationsuite.acceptance.kill.KillCase.Guarantee;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.RequestLogEntry;
import io.activationsuite.testkit.messages.ConfiguredCatalogs;
import io.activationsuite.testkit.messages.EchoedStates;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Kill trials for one connector: a sync of N records with STATEs interleaved, SIGKILL at given points, each
 * rerun fed the records after the last STATE the killed run echoed (as the platform does), until a run
 * finishes; then the sandbox must hold exactly the expected data under the case's documented guarantee.
 * Owns the connector's sandbox (started with the {@link KillProfile}'s options).
 */
public final class KillTrials implements AutoCloseable {

  private static final String STREAM = SuiteStreams.USERS;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long SETTLE_MILLIS = 60_000;

  private final ConnectorDescriptor connector;
  private final KillProfile profile;
  private final WriteStarter starter;
  private final int records;
  private final int stateEvery;
  private final Path workDir;
  private final EmulatorServer sandbox;
  private int runs;

  /**
   * Starts the connector's sandbox.
   *
   * @param records records per sync
   * @param stateEvery a STATE after every this many records
   * @param workDir where each run's rejected records are stored (a fresh directory per run)
   */
  public KillTrials(ConnectorDescriptor connector, WriteStarter starter, int records, int stateEvery,
      Path workDir) {
    this.connector = connector;
    this.profile = KillProfile.of(connector);
    this.starter = starter;
    this.records = records;
    this.stateEvery = stateEvery;
    this.workDir = workDir;
    this.sandbox = EmulatorServer.start(connector.emulator(), profile.sandbox());
  }

  /** The profile the trials use. */
  public KillProfile profile() {
    return profile;
  }

  /** Runs {@code kase} once without a kill: the time and write requests fractional kill points scale to. */
  public KillPoint.Calibration calibrate(KillCase kase) throws InterruptedException {
    sandbox.reset();
    List<ObjectNode> data = data(kase);
    SyncInput input = SyncInput.of(STREAM, data, 0, stateEvery, 1);
    KillRun.Outcome outcome = KillRun.run(starter, config(kase), catalog(kase, data), input, null,
        new KillPoint.Calibration(1, 1), sandbox, profile.jobInFlight());
    CommandResult result = outcome.result();
    if (result.exitCode() != 0 || !result.traceErrors().isEmpty()) {
      throw new IllegalStateException(connector.tool() + " " + kase.name() + ": the uncut run failed: "
          + result.describe());
    }
    int writes = (int) sandbox.requests().entries().stream().filter(KillRun::isWrite).count();
    return new KillPoint.Calibration(outcome.millis(), Math.max(1, writes));
  }

  /** One trial of {@code kase}: a kill at each of {@code points}, then reruns until a run finishes. */
  public TrialResult run(int trial, KillCase kase, List<KillPoint> points, KillPoint.Calibration calibration)
      throws InterruptedException {
    sandbox.reset();
    List<ObjectNode> data = data(kase);
    String catalog = catalog(kase, data);
    List<String> notes = new ArrayList<>();
    List<String> violations = new ArrayList<>();
    Map<String, String> rejections = new LinkedHashMap<>();
    List<Instant> kills = new ArrayList<>();
    int from = 0;
    long nextStateId = 1;
    int allowed = 0;
    int trialRuns = 0;
    long millis = 0;
    List<KillPoint> plan = new ArrayList<>(points);
    plan.add(null); // the last rerun goes to the end
    for (KillPoint point : plan) {
      SyncInput input = SyncInput.of(STREAM, data, from, stateEvery, nextStateId);
      Path rejectedDir = nextRunDir();
      KillRun.Outcome outcome = KillRun.run(starter, withStorage(config(kase), rejectedDir), catalog, input, point,
          calibration, sandbox, profile.jobInFlight());
      trialRuns++;
      millis += outcome.millis();
      nextStateId = input.nextStateId();
      rejections.putAll(rejected(rejectedDir, kase));
      CommandResult result = outcome.result();
      List<ObjectNode> echoed = result.states();
      checkEchoed(input.sent(), echoed, violations, "run " + trialRuns);
      int resume = input.resumeAfter(echoed).orElse(from);
      if (outcome.killedAt().isPresent()) {
        kills.add(outcome.killedAt().get());
        if (kase.guarantee() == Guarantee.AT_MOST_ONCE_PER_RUN) {
          allowed += Math.min(Math.max(0, outcome.fedThrough() - resume), kase.maxInFlight());
        }
        from = resume;
        continue;
      }
      if (point != null) {
        notes.add("kill point '" + point.describe(calibration) + "' came after the run ended");
      }
      if (result.exitCode() == 0 && result.traceErrors().isEmpty() && echoed.size() == input.sent().size()) {
        break;
      }
      violations.add("run " + trialRuns + " ended unkilled without finishing: " + result.describe());
      from = resume;
    }
    settleJobs();
    List<RequestLogEntry> log = sandbox.requests().entries();
    int midRequest = (int) kills.stream().filter(k -> KillRun.requestInFlight(log, k)).count();
    return verify(trial, kase, data, points, calibration, kills.size(), midRequest, allowed, rejections,
        trialRuns - 1, millis, notes, violations);
  }

  private TrialResult verify(int trial, KillCase kase, List<ObjectNode> data, List<KillPoint> points,
      KillPoint.Calibration calibration, int kills, int midRequest, int allowed, Map<String, String> rejections,
      int reruns, long millis, List<String> notes, List<String> violations) {
    String object = kase.target().object();
    String identity = connector.identityField(object);
    Map<String, Map<String, String>> landed = connector.landed(sandbox, object);
    int duplicates = connector.liveCount(sandbox, object) - landed.size();
    int lost = 0;
    int mismatched = 0;
    for (ObjectNode record : data) {
      String key = record.path(identity).asText();
      Map<String, String> fields = landed.get(key);
      if (fields == null) {
        String reason = rejections.get(key);
        if (reason == null) {
          lost++;
        } else if (!(kase.guarantee() == Guarantee.AT_MOST_ONCE_PER_RUN && reason.equals("DELIVERY_UNCERTAIN"))) {
          violations.add(key + " not written, rejected " + reason);
        }
        continue;
      }
      boolean same = true;
      for (var field : (Iterable<Map.Entry<String, JsonNode>>) record::fields) {
        same &= field.getValue().asText().equals(fields.get(field.getKey()));
      }
      if (!same) {
        mismatched++;
      }
    }
    if (lost > 0) {
      violations.add(lost + " records lost (neither written nor rejected)");
    }
    if (mismatched > 0) {
      violations.add(mismatched + " records hold other values than the last ones sent");
    }
    if (kase.guarantee() == Guarantee.EFFECTIVELY_ONCE && duplicates > 0) {
      violations.add(duplicates + " duplicates of an idempotent operation");
    }
    long refusedCopies = rejections.keySet().stream().filter(landed::containsKey).count();
    if (kase.guarantee() == Guarantee.EFFECTIVELY_ONCE && !rejections.isEmpty()) {
      violations.add(rejections.size() + " records of an idempotent operation rejected");
    }
    if (kase.guarantee() == Guarantee.AT_MOST_ONCE_PER_RUN && duplicates + refusedCopies > allowed) {
      violations.add(duplicates + " duplicates and " + refusedCopies + " second copies refused by the API, more "
          + "than the " + allowed + " records in flight after the last echoed STATEs");
    }
    Map<String, Integer> reasons = new TreeMap<>();
    rejections.values().forEach(r -> reasons.merge(r, 1, Integer::sum));
    if (!reasons.isEmpty()) {
      notes.add("rejected: " + reasons);
    }
    List<String> described = points.stream().map(p -> p.describe(calibration)).toList();
    return new TrialResult(trial, described, kills, midRequest, lost, Math.max(0, duplicates), allowed,
        rejections.size(), reruns, millis, notes, violations);
  }

  private static void checkEchoed(List<ObjectNode> sent, List<ObjectNode> echoed, List<String> violations,
      String run) {
    try {
      EchoedStates.assertEchoed(sent.subList(0, Math.min(sent.size(), echoed.size())), echoed);
    } catch (AssertionError e) {
      violations.add(run + " echoed STATEs out of order or unknown: " + e.getMessage());
    }
  }

  /** Waits (bounded) until no async job of a killed run is still queued or running in the sandbox. */
  private void settleJobs() {
    profile.jobInFlight().ifPresent(inFlight -> {
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SETTLE_MILLIS);
      while (inFlight.test(sandbox) && System.nanoTime() < deadline) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
      }
    });
  }

  private List<ObjectNode> data(KillCase kase) {
    List<ObjectNode> data = new ArrayList<>();
    for (int i = 0; i < records; i++) {
      data.add(connector.record(kase.target(), i, 1, sandbox));
    }
    return data;
  }

  private String catalog(KillCase kase, List<ObjectNode> data) {
    return ConfiguredCatalogs.forSync(1).stream(STREAM, kase.target().object(), kase.target().syncMode(),
        kase.target().matchingKey(), data.subList(0, Math.min(10, data.size()))).json();
  }

  private ObjectNode config(KillCase kase) {
    return kase.config().apply(connector.validConfig(sandbox).deepCopy()).put("concurrency", KillProfile.CONCURRENCY);
  }

  private ObjectNode withStorage(ObjectNode config, Path dir) {
    ObjectNode storage = JsonNodeFactory.instance.objectNode().put("storage_type", "Local")
        .put("local_directory", dir.toString());
    storage.putObject("format").put("format_type", "JSONL").put("flattening", "No flattening");
    storage.putObject("compression").put("compression_type", "No Compression");
    return connector.withObjectStorage(config, storage);
  }

  private Path nextRunDir() {
    try {
      return Files.createDirectories(workDir.resolve(connector.tool() + "-run-" + (++runs)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Identity value to rejection reason, for every rejected record stored under {@code dir}. */
  private Map<String, String> rejected(Path dir, KillCase kase) {
    String identity = connector.identityField(kase.target().object());
    Map<String, String> reasons = new LinkedHashMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        try (InputStream raw = Files.newInputStream(file);
            InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
          for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
              JsonNode rejected = JSON.readTree(line);
              reasons.put(rejected.path("record").path(identity).asText(), rejected.path("reason").asText());
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the rejected records under " + dir, e);
    }
    return reasons;
  }

  @Override
  public void close() {
    sandbox.close();
  }
}
