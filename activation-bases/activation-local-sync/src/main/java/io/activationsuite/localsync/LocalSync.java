package io.activationsuite.localsync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.localsync.launch.ConnectorCommand;
import io.activationsuite.localsync.launch.ConnectorLauncher;
import io.activationsuite.localsync.launch.ConnectorOutputListener;
import io.activationsuite.localsync.launch.ConnectorRun;
import io.activationsuite.localsync.launch.CollectingOutputListener;
import io.activationsuite.protocol.model.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Plays the Airbyte platform for one sync file: runs the connector's {@code spec}, {@code check} and
 * {@code write}, feeding it the model's rows as RECORDs with a STREAM state every N rows (each with an
 * {@code id} and {@code sourceStats}, as the platform sends them) and a COMPLETE status per stream,
 * then checks every STATE that comes back and reports per stream.
 */
public final class LocalSync {
  private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration WRITE_TIMEOUT = Duration.ofHours(6);

  private final SyncFile file;
  private final ConnectorLauncher launcher;
  private final Map<String, String> placeholders;
  private final PrintStream log;
  private final boolean progress;
  private final SourceMessages messages = new SourceMessages();

  public LocalSync(SyncFile file, ConnectorLauncher launcher, Map<String, String> placeholders, PrintStream log,
      boolean progress) {
    this.file = file;
    this.launcher = launcher;
    this.placeholders = placeholders;
    this.log = log;
    this.progress = progress;
  }

  /** Runs the sync; never throws for connector failures (they are in the result), only for bad input. */
  public SyncResult run(long syncId, Path rejectedDirectory) throws Exception {
    ObjectNode config = Placeholders.resolve(loadConfig(), placeholders);
    String configJson = config.toString();
    String specError = runSpec();
    if (specError != null) {
      return failed(rejectedDirectory, specError);
    }
    String checkError = runCheck(configJson);
    if (checkError != null) {
      return failed(rejectedDirectory, "check failed: " + checkError);
    }
    return runWrite(configJson, syncId, rejectedDirectory);
  }

  private String runSpec() throws Exception {
    CollectingOutputListener output = new CollectingOutputListener();
    try (ConnectorRun run = launcher.launch(ConnectorCommand.SPEC, null, null, output)) {
      int exit = run.waitFor(COMMAND_TIMEOUT);
      if (exit != 0 || output.messagesOfType("SPEC").size() != 1) {
        return "spec failed (exit " + exit + "): " + firstError(output.messages(), run.stderrTail());
      }
    }
    return null;
  }

  private String runCheck(String configJson) throws Exception {
    CollectingOutputListener output = new CollectingOutputListener();
    try (ConnectorRun run = launcher.launch(ConnectorCommand.CHECK, configJson, null, output)) {
      run.waitFor(COMMAND_TIMEOUT);
      List<ObjectNode> statuses = output.messagesOfType("CONNECTION_STATUS");
      if (statuses.isEmpty()) {
        return firstError(output.messages(), run.stderrTail());
      }
      JsonNode status = statuses.get(0).path("connectionStatus");
      if (!"SUCCEEDED".equals(status.path("status").asText())) {
        return status.path("message").asText("FAILED");
      }
    }
    return null;
  }

  private SyncResult runWrite(String configJson, long syncId, Path rejectedDirectory) throws Exception {
    StateVerifier verifier = new StateVerifier();
    AtomicReference<String> traceError = new AtomicReference<>();
    AtomicLong acknowledgedSoFar = new AtomicLong();
    Map<String, Long> lastEcho = new ConcurrentHashMap<>();
    List<String> warnings = new ArrayList<>();
    ConnectorOutputListener listener = new ConnectorOutputListener() {
      @Override
      public void onMessage(ObjectNode message) {
        switch (message.path("type").asText()) {
          case "STATE" -> {
            JsonNode state = message.path("state");
            verifier.echoed(state);
            acknowledgedSoFar.addAndGet((long) (state.path("destinationStats").path("recordCount").asDouble()
                + state.path("destinationStats").path("rejectedRecordCount").asDouble()));
            lastEcho.put(state.path("stream").path("stream_descriptor").path("name").asText(), System.nanoTime());
          }
          case "TRACE" -> {
            JsonNode error = message.path("trace").path("error");
            if (!error.isMissingNode()) {
              traceError.compareAndSet(null,
                  error.path("failure_type").asText() + ": " + error.path("message").asText());
            }
          }
          case "LOG" -> {
            String level = message.path("log").path("level").asText();
            if (level.equals("WARN") || level.equals("ERROR") || level.equals("FATAL")) {
              synchronized (warnings) {
                warnings.add(message.path("log").path("message").asText());
              }
            }
          }
          default -> { }
        }
      }
    };
    String catalogJson = CatalogBuilder.build(file, syncId).toString();
    List<StreamResult> results = new ArrayList<>();
    Map<String, long[]> sentPerStream = new HashMap<>();
    Map<String, Long> started = new HashMap<>();
    int exit;
    String stderrTail;
    try (ConnectorRun run = launcher.launch(ConnectorCommand.WRITE, configJson, catalogJson, listener);
        ModelReader reader = new ModelReader(file.database(), file.baseDirectory(), file.setup())) {
      long stateId = 0;
      long emittedAt = System.currentTimeMillis();
      try {
        for (SyncFile.StreamSpec stream : file.streams()) {
          ProgressBar bar = new ProgressBar(log, progress, stream.name());
          long[] counters = new long[2];
          sentPerStream.put(stream.name(), counters);
          started.put(stream.name(), System.nanoTime());
          long startNanos = System.nanoTime();
          long ackBase = acknowledgedSoFar.get();
          run.writeLine(messages.status(stream.namespace(), stream.name(), "STARTED", emittedAt));
          int every = stream.stateEveryOrDefault();
          long[] ids = {stateId};
          reader.read(stream.query(), stream.fields(), row -> {
            run.writeLine(messages.record(stream.namespace(), stream.name(), row, emittedAt));
            counters[0]++;
            counters[1]++;
            if (counters[1] == every) {
              ids[0]++;
              verifier.sent(stream.name(), ids[0], counters[1]);
              run.writeLine(messages.state(stream.namespace(), stream.name(), counters[0], counters[1], ids[0]));
              counters[1] = 0;
              double seconds = (System.nanoTime() - startNanos) / 1e9;
              bar.update(counters[0], acknowledgedSoFar.get() - ackBase, -1, counters[0] / Math.max(seconds, 1e-9));
            }
          });
          if (counters[1] > 0 || counters[0] == 0) {
            ids[0]++;
            verifier.sent(stream.name(), ids[0], counters[1]);
            run.writeLine(messages.state(stream.namespace(), stream.name(), counters[0], counters[1], ids[0]));
          }
          stateId = ids[0];
          run.writeLine(messages.status(stream.namespace(), stream.name(), "COMPLETE", emittedAt));
          bar.finish();
        }
      } catch (IOException e) {
        // The connector stopped reading (it failed): its exit code and TRACE say why.
      }
      run.closeStdin();
      exit = run.waitFor(WRITE_TIMEOUT);
      stderrTail = run.stderrTail();
    }
    long end = System.nanoTime();
    for (SyncFile.StreamSpec stream : file.streams()) {
      long[] counters = sentPerStream.getOrDefault(stream.name(), new long[2]);
      long begin = started.getOrDefault(stream.name(), end);
      long finish = lastEcho.getOrDefault(stream.name(), end);
      results.add(new StreamResult(stream.name(), stream.object(), stream.mode(), counters[0],
          verifier.acknowledged(stream.name()), verifier.rejected(stream.name()),
          verifier.statesEchoed(stream.name()), Duration.ofNanos(Math.max(finish - begin, 1)),
          verifier.merged(stream.name())));
    }
    List<String> problems = new ArrayList<>(verifier.problems());
    if (exit == 0 && verifier.statesMissing() > 0) {
      problems.add(verifier.statesMissing() + " STATE messages were never echoed although the connector succeeded");
    }
    if (exit != 0 && traceError.get() == null) {
      traceError.set("connector exited with " + exit + " without a TRACE error; stderr: " + tail(stderrTail));
    }
    synchronized (warnings) {
      warnings.stream().distinct().limit(5).forEach(w -> log.println("  connector warning: " + w));
    }
    return new SyncResult(file.destination(), results, rejectedDirectory, exit, traceError.get(), problems);
  }

  private ObjectNode loadConfig() throws IOException {
    if (file.configInline() != null) {
      return file.configInline();
    }
    if (file.config() == null) {
      throw new IllegalArgumentException("The sync file needs 'config' (a JSON file) or 'config_inline'");
    }
    Path path = file.baseDirectory().resolve(file.config());
    JsonNode node = Json.mapper().readTree(Files.readString(path));
    if (!(node instanceof ObjectNode object)) {
      throw new IllegalArgumentException("The config file " + path + " must hold a JSON object");
    }
    return object;
  }

  private SyncResult failed(Path rejectedDirectory, String error) {
    return new SyncResult(file.destination(), List.of(), rejectedDirectory, 1, error, List.of());
  }

  private static String firstError(List<ObjectNode> messages, String stderr) {
    return messages.stream()
        .filter(m -> m.path("type").asText().equals("TRACE"))
        .map(m -> m.path("trace").path("error").path("message").asText())
        .findFirst()
        .orElse("no protocol message; stderr: " + tail(stderr));
  }

  private static String tail(String text) {
    return text == null ? "" : text.length() <= 600 ? text : text.substring(text.length() - 600);
  }
}
