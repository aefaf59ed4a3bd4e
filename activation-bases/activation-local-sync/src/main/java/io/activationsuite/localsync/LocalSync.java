package io.activationsuite.localsync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.localsync.cdc.ChangeCapture;
import io.activationsuite.localsync.cdc.StreamChanges;
import io.activationsuite.localsync.launch.CollectingOutputListener;
import io.activationsuite.localsync.launch.ConnectorCommand;
import io.activationsuite.localsync.launch.ConnectorLauncher;
import io.activationsuite.localsync.launch.ConnectorOutputListener;
import io.activationsuite.localsync.launch.ConnectorRun;
import io.activationsuite.protocol.model.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Plays the Airbyte platform for one sync file: checks every stream's query (before anything starts),
 * diffs the model against the change-data-capture snapshot, runs the connector's {@code spec},
 * {@code check} and {@code write}, feeding it the new and changed rows (and the removals) as RECORDs
 * with a STREAM state every N rows (each with an {@code id} and {@code sourceStats}, as the platform
 * sends them), checks every STATE that comes back, and advances the snapshot for the rows the connector
 * acknowledged. In preview mode the connector runs with {@code dry_run} and the snapshot stays as it is.
 */
public final class LocalSync {
  private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration WRITE_TIMEOUT = Duration.ofHours(6);

  /**
   * How to run.
   *
   * @param preview run the connector with {@code dry_run}: nothing is written, the snapshot stays
   * @param fullResync send every row, changed or not
   * @param snapshot the snapshot file; null: a temporary one (a one-shot sandbox starts empty)
   * @param target what the snapshot describes (a sandbox instance, or the account of the config)
   * @param progress draw progress bars
   * @param terminal colours for the progress bars
   */
  public record Options(boolean preview, boolean fullResync, Path snapshot, String target, boolean progress,
      Terminal terminal) {

    /** A real run with a temporary snapshot and no progress bars (tests). */
    public static Options plain() {
      return new Options(false, false, null, "account", false, Terminal.plain());
    }

    public Options withSnapshot(Path file, String value) {
      return new Options(preview, fullResync, file, value, progress, terminal);
    }

    public Options asPreview() {
      return new Options(true, fullResync, snapshot, target, progress, terminal);
    }

    public Options withFullResync(boolean value) {
      return new Options(preview, value, snapshot, target, progress, terminal);
    }
  }

  private final SyncFile file;
  private final ConnectorLauncher launcher;
  private final Map<String, String> placeholders;
  private final PrintStream log;
  private final Options options;
  private final SourceMessages messages = new SourceMessages();

  public LocalSync(SyncFile file, ConnectorLauncher launcher, Map<String, String> placeholders, PrintStream log,
      Options options) {
    this.file = file;
    this.launcher = launcher;
    this.placeholders = placeholders;
    this.log = log;
    this.options = options;
  }

  /**
   * Runs the sync; never throws for connector failures (they are in the result), only for bad input
   * ({@link UserError}).
   */
  public SyncResult run(long syncId, Path rejectedDirectory) throws Exception {
    ObjectNode config = Placeholders.resolve(configOf(file), placeholders);
    if (options.preview()) {
      config.put("dry_run", true);
    }
    try (ModelReader reader = new ModelReader(file.database(), file.baseDirectory(), file.setup())) {
      Map<SyncFile.StreamSpec, String> queries = new LinkedHashMap<>();
      Map<SyncFile.StreamSpec, List<String>> columns = new LinkedHashMap<>();
      for (SyncFile.StreamSpec stream : file.streams()) {
        String query = ModelReader.mappedQuery(stream.query(), stream.fields());
        columns.put(stream, reader.validate(stream.name(), query));
        queries.put(stream, query);
      }
      LookupMappings.addTo(config, file, columns);
      String configJson = config.toString();
      String specError = runSpec();
      if (specError != null) {
        return failed(rejectedDirectory, specError);
      }
      String checkError = runCheck(configJson);
      if (checkError != null) {
        return failed(rejectedDirectory, "check failed: " + checkError);
      }
      ChangeCapture cdc = ChangeCapture.open(reader.connection(), options.snapshot(), options.target());
      if (cdc.stale()) {
        log.println("  note: the snapshot " + options.snapshot() + " describes another destination; every row is"
            + " sent and the snapshot starts over");
      }
      Map<String, StreamChanges> changes = new LinkedHashMap<>();
      for (Map.Entry<SyncFile.StreamSpec, String> stream : queries.entrySet()) {
        changes.put(stream.getKey().name(), cdc.diff(stream.getKey(), stream.getValue(), options.fullResync()));
      }
      boolean rejectedVisible = configJson.contains(rejectedDirectory.toString());
      return runWrite(configJson, syncId, rejectedDirectory, reader, cdc, changes, rejectedVisible);
    }
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

  /** One stream as the connector sees it: a model stream, or the companion stream of its removals. */
  private record Part(SyncFile.StreamSpec spec, String name, String mode, String sql, String keyField,
      boolean removal, long total) {}

  /** The records between two states, in send order (1-based, inclusive), and what the connector said. */
  private record Window(String part, long lo, long hi) {}

  private SyncResult runWrite(String configJson, long syncId, Path rejectedDirectory, ModelReader reader,
      ChangeCapture cdc, Map<String, StreamChanges> changes, boolean rejectedVisible) throws Exception {
    List<Part> parts = new ArrayList<>();
    for (SyncFile.StreamSpec stream : file.streams()) {
      StreamChanges changed = changes.get(stream.name());
      parts.add(new Part(stream, stream.name(), stream.mode(), ChangeCapture.rowsToSend(changed), stream.changeKey(),
          false, changed.rowsToSend()));
      if (stream.onRemoved() != null) {
        parts.add(new Part(stream, stream.removalStreamName(), stream.onRemoved().mode(),
            ChangeCapture.removedKeys(changed), stream.matchingKey(), true, changed.removed()));
      }
    }
    StateVerifier verifier = new StateVerifier();
    AtomicReference<String> traceError = new AtomicReference<>();
    Map<String, Long> lastEcho = new ConcurrentHashMap<>();
    Map<Long, Window> windows = new ConcurrentHashMap<>();
    Map<String, List<long[]>> ended = new ConcurrentHashMap<>();
    Map<String, Long> endedWithRejections = new ConcurrentHashMap<>();
    Map<String, ProgressBar> bars = new ConcurrentHashMap<>();
    List<String> warnings = new ArrayList<>();
    List<JsonNode> previews = new ArrayList<>();
    ConnectorOutputListener listener = message -> {
      switch (message.path("type").asText()) {
        case "STATE" -> {
          JsonNode state = message.path("state");
          verifier.echoed(state);
          String stream = state.path("stream").path("stream_descriptor").path("name").asText();
          lastEcho.put(stream, System.nanoTime());
          Window window = windows.remove(state.path("id").asLong(-1));
          if (window != null && window.hi() >= window.lo()) {
            boolean rejections = state.path("destinationStats").path("rejectedRecordCount").asDouble() > 0;
            if (rejections) {
              endedWithRejections.merge(window.part(), 1L, Long::sum);
            }
            if (rejectedVisible || !rejections) {
              ended.computeIfAbsent(window.part(), p -> java.util.Collections.synchronizedList(new ArrayList<>()))
                  .add(new long[] {window.lo(), window.hi()});
            }
          }
          ProgressBar bar = bars.get(stream);
          if (bar != null) {
            bar.update(verifier.acknowledged(stream) + verifier.rejected(stream));
          }
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
          String text = message.path("log").path("message").asText();
          if (text.startsWith(DRY_RUN_PREFIX)) {
            synchronized (previews) {
              previews.add(parse(text.substring(DRY_RUN_PREFIX.length())));
            }
          } else if (level.equals("WARN") || level.equals("ERROR") || level.equals("FATAL")) {
            synchronized (warnings) {
              warnings.add(text);
            }
          }
        }
        default -> { }
      }
    };
    String catalogJson = CatalogBuilder.build(file, syncId).toString();
    Map<String, long[]> sentPerPart = new LinkedHashMap<>();
    Map<String, Long> started = new LinkedHashMap<>();
    int exit;
    String stderrTail;
    try (ConnectorRun run = launcher.launch(ConnectorCommand.WRITE, configJson, catalogJson, listener)) {
      long[] stateId = {0};
      long emittedAt = System.currentTimeMillis();
      try {
        for (Part part : parts) {
          SyncFile.StreamSpec stream = part.spec();
          ProgressBar bar = new ProgressBar(log, options.progress(), options.terminal(), part.name(), part.total());
          bars.put(part.name(), bar);
          long[] counters = new long[2];
          sentPerPart.put(part.name(), counters);
          started.put(part.name(), System.nanoTime());
          run.writeLine(messages.status(stream.namespace(), part.name(), "STARTED", emittedAt));
          int every = stream.stateEveryOrDefault();
          ObjectNode removalFields = part.removal() && stream.onRemoved().set() != null
              ? Json.mapper().valueToTree(stream.onRemoved().set()) : null;
          reader.read(part.sql(), null, row -> {
            ObjectNode data = row;
            if (part.removal()) {
              data = Json.mapper().createObjectNode().put(part.keyField(), row.path("__key").asText());
              if (removalFields != null) {
                data.setAll(removalFields.deepCopy());
              }
            }
            run.writeLine(messages.record(stream.namespace(), part.name(), data, emittedAt));
            counters[0]++;
            counters[1]++;
            if (counters[1] == every) {
              sendState(run, verifier, windows, stream, part, counters, ++stateId[0]);
            }
          });
          if (counters[1] > 0 || counters[0] == 0) {
            sendState(run, verifier, windows, stream, part, counters, ++stateId[0]);
          }
          run.writeLine(messages.status(stream.namespace(), part.name(), "COMPLETE", emittedAt));
          run.stdin().flush();
        }
      } catch (IOException e) {
        // The connector stopped reading (it failed or was killed): its exit code and TRACE say why.
      }
      run.closeStdin();
      exit = run.waitFor(WRITE_TIMEOUT);
      stderrTail = run.stderrTail();
    }
    bars.values().forEach(ProgressBar::finish);
    long end = System.nanoTime();
    List<JsonNode> previewList;
    synchronized (previews) {
      previewList = List.copyOf(previews);
    }
    List<StreamResult> results = new ArrayList<>();
    for (Part part : parts) {
      long[] counters = sentPerPart.getOrDefault(part.name(), new long[2]);
      long begin = started.getOrDefault(part.name(), end);
      long finish = lastEcho.getOrDefault(part.name(), end);
      long[] outcome = options.preview() ? previewOutcome(previewList, part.name())
          : new long[] {verifier.acknowledged(part.name()), verifier.rejected(part.name())};
      results.add(new StreamResult(part.name(), part.spec().object(), part.mode(), counters[0],
          outcome[0], outcome[1], verifier.statesEchoed(part.name()),
          Duration.ofNanos(Math.max(finish - begin, 1)), part.removal() ? null : changes.get(part.name()),
          verifier.merged(part.name())));
    }
    List<String> problems = new ArrayList<>(verifier.problems());
    long echoed = parts.stream().mapToLong(p -> verifier.statesEchoed(p.name())).sum();
    if (options.preview() && echoed > 0) {
      problems.add("the dry run echoed " + echoed + " STATE messages; a dry run must commit nothing");
    }
    if (!options.preview() && exit == 0 && verifier.statesMissing() > 0) {
      problems.add(verifier.statesMissing() + " STATE messages were never echoed although the connector succeeded");
    }
    if (exit != 0 && traceError.get() == null) {
      traceError.set("connector exited with " + exit + " without a TRACE error; stderr: " + tail(stderrTail));
    }
    synchronized (warnings) {
      warnings.stream().distinct().limit(5).forEach(w -> log.println("  connector warning: " + w));
    }
    if (!options.preview()) {
      advanceSnapshot(cdc, changes, ended, rejectedDirectory.resolve(Long.toString(syncId)));
      endedWithRejections.forEach((part, count) -> {
        if (!rejectedVisible) {
          log.println("  note: " + count + " checkpoint(s) of " + part + " had rejected records stored outside"
              + " this run's Local directory; their rows are sent again next time");
        }
      });
    }
    return new SyncResult(file.destination(), results, rejectedDirectory, exit, traceError.get(), problems,
        previewList);
  }

  private static final String DRY_RUN_PREFIX = "Dry run report: ";

  /**
   * What a dry run says of a stream: records that would be sent ({@code received} minus rejected) and records
   * rejected, from its "Dry run report" (a dry run echoes no STATE to count them from); zeros without one.
   */
  static long[] previewOutcome(List<JsonNode> reports, String stream) {
    for (JsonNode report : reports) {
      if (stream.equals(report.path("stream").asText())) {
        long rejected = 0;
        for (JsonNode count : report.path("rejected")) {
          rejected += count.asLong();
        }
        return new long[] {Math.max(0, report.path("received").asLong() - rejected), rejected};
      }
    }
    return new long[2];
  }

  private void sendState(ConnectorRun run, StateVerifier verifier, Map<Long, Window> windows,
      SyncFile.StreamSpec stream, Part part, long[] counters, long id) throws IOException {
    windows.put(id, new Window(part.name(), counters[0] - counters[1] + 1, counters[0]));
    verifier.sent(part.name(), id, counters[1]);
    run.writeLine(messages.state(stream.namespace(), part.name(), counters[0], counters[1], id));
    counters[1] = 0;
  }

  /** Advances the snapshot for every row in an ended window whose key the connector did not reject. */
  private void advanceSnapshot(ChangeCapture cdc, Map<String, StreamChanges> changes,
      Map<String, List<long[]>> ended, Path rejectedOfRun) throws Exception {
    Map<String, Set<String>> rejectedKeys = new LinkedHashMap<>();
    Map<String, String> keyFields = new LinkedHashMap<>();
    for (SyncFile.StreamSpec stream : file.streams()) {
      keyFields.put(stream.name(), stream.changeKey());
      keyFields.put(stream.removalStreamName(), stream.matchingKey());
    }
    RejectedSummary.visit(rejectedOfRun, rejected -> {
      String stream = rejected.path("stream").asText();
      String field = keyFields.get(stream);
      JsonNode key = field == null ? null : rejected.path("record").path(field);
      if (key != null && !key.isMissingNode() && !key.isNull()) {
        rejectedKeys.computeIfAbsent(stream, s -> new HashSet<>()).add(key.asText());
      }
    });
    for (SyncFile.StreamSpec stream : file.streams()) {
      cdc.advance(changes.get(stream.name()), copy(ended.get(stream.name())),
          rejectedKeys.getOrDefault(stream.name(), Set.of()), copy(ended.get(stream.removalStreamName())),
          rejectedKeys.getOrDefault(stream.removalStreamName(), Set.of()));
    }
  }

  private static List<long[]> copy(List<long[]> list) {
    if (list == null) {
      return List.of();
    }
    synchronized (list) {
      return List.copyOf(list);
    }
  }

  /** The connector config a sync file names (inline or in a JSON file), placeholders not yet filled. */
  public static ObjectNode configOf(SyncFile file) throws IOException {
    if (file.configInline() != null) {
      return file.configInline();
    }
    if (file.config() == null) {
      throw new UserError("sync file " + file.path() + " needs 'config' (a JSON file) or 'config_inline'");
    }
    Path path = file.baseDirectory().resolve(file.config());
    JsonNode node;
    try {
      node = Json.mapper().readTree(Files.readString(path));
    } catch (NoSuchFileException e) {
      throw new UserError("not found: " + path + " (the sync file's 'config')");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UserError("the config file " + path + " is not valid JSON: " + e.getOriginalMessage());
    }
    if (!(node instanceof ObjectNode object)) {
      throw new UserError("the config file " + path + " must hold a JSON object");
    }
    return object;
  }

  private SyncResult failed(Path rejectedDirectory, String error) {
    return new SyncResult(file.destination(), List.of(), rejectedDirectory, 1, error, List.of(), List.of());
  }

  private static JsonNode parse(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (IOException e) {
      return Json.mapper().createObjectNode().put("unreadable", json);
    }
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
