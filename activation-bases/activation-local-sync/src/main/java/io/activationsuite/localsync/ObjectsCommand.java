package io.activationsuite.localsync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.localsync.launch.CollectingOutputListener;
import io.activationsuite.localsync.launch.ConnectorCommand;
import io.activationsuite.localsync.launch.ConnectorLauncher;
import io.activationsuite.localsync.launch.ConnectorRun;
import io.activationsuite.protocol.model.Json;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.SandboxOptions;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code local-sync objects SYNC_FILE|CONNECTOR}: runs the connector's {@code discover} and lists each
 * object with its modes, matching keys and fields (type, options, required), so a user writes a sync
 * file without reading the vendor's API docs.
 */
@Command(name = "objects", mixinStandardHelpOptions = true,
    description = "List the destination's objects, modes, matching keys and fields (from discover).")
final class ObjectsCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "SYNC_FILE|CONNECTOR",
      description = "A sync file (its config is used), or a connector name such as hubspot.")
  String target;

  @Option(names = "--config", paramLabel = "FILE", description = "Connector config (JSON) when naming a connector.")
  Path config;

  @Option(names = "--sandbox", description = "Discover against a one-shot local sandbox.")
  boolean sandbox;

  @Option(names = "--sandbox-url", paramLabel = "URL", description = "Discover against a running sandbox.")
  String sandboxUrl;

  @Option(names = "--docker", description = "Run the connector's Docker image instead of its jar.")
  boolean docker;

  @Option(names = "--image-tag", defaultValue = "dev", description = "Image tag with --docker (default: dev).")
  String imageTag;

  @Option(names = "--object", paramLabel = "NAME", description = "Only this object.")
  String object;

  @Override
  public Integer call() throws Exception {
    SyncFile file = null;
    String destination = target;
    if (target.endsWith(".yaml") || target.endsWith(".yml") || Files.exists(Path.of(target))) {
      file = new SyncFileLoader().load(Path.of(target));
      destination = file.destination();
    }
    ObjectNode config = configFor(file, destination);
    EmulatorServer started = sandbox ? EmulatorServer.start(destination, SandboxOptions.defaults()) : null;
    try {
      Map<String, String> values = new HashMap<>();
      values.put("run.rejected_dir", Path.of("target/local-sync/objects").toAbsolutePath().toString());
      values.put("run.sync_id", "0");
      String url = started != null ? started.baseUrl().toString() : sandboxUrl;
      if (url != null) {
        values.putAll(SandboxEndpoint.fetch(url).placeholders());
      }
      String configJson = Placeholders.resolve(config, values).toString();
      LocalSyncMain.SyncOptions options = new LocalSyncMain.SyncOptions();
      options.docker = docker;
      options.imageTag = imageTag;
      ConnectorLauncher launcher = LocalSyncMain.launcherFor(options, destination,
          Path.of("target/local-sync/objects").toAbsolutePath());
      JsonNode catalog = discover(launcher, configJson);
      print(System.out, Terminal.detect(), catalog, object);
      return 0;
    } finally {
      if (started != null) {
        started.close();
      }
    }
  }

  private ObjectNode configFor(SyncFile file, String destination) throws Exception {
    if (config != null) {
      try {
        return (ObjectNode) Json.mapper().readTree(Files.readString(config));
      } catch (NoSuchFileException e) {
        throw new UserError("not found: " + config);
      }
    }
    if (file != null) {
      return LocalSync.configOf(file);
    }
    Path demo = ConnectorJars.repositoryRoot().resolve("activation-bases/activation-local-sync/demo/syncs")
        .resolve(destination + ".yaml");
    if ((sandbox || sandboxUrl != null) && Files.isRegularFile(demo)) {
      return LocalSync.configOf(new SyncFileLoader().load(demo));
    }
    throw new UserError("objects " + destination + " needs a config: --config FILE, a sync file, or --sandbox");
  }

  static JsonNode discover(ConnectorLauncher launcher, String configJson) throws Exception {
    CollectingOutputListener output = new CollectingOutputListener();
    try (ConnectorRun run = launcher.launch(ConnectorCommand.DISCOVER, configJson, null, output)) {
      run.waitFor(Duration.ofMinutes(5));
      List<ObjectNode> catalogs = output.messagesOfType("DESTINATION_CATALOG");
      if (catalogs.isEmpty()) {
        String error = output.messagesOfType("TRACE").stream()
            .map(m -> m.path("trace").path("error").path("message").asText()).filter(m -> !m.isEmpty())
            .findFirst().orElse("no catalog; stderr: " + Terminal.fit(run.stderrTail(), 400));
        throw new UserError("discover failed: " + error);
      }
      return catalogs.get(0).path("destination_catalog");
    }
  }

  /** Prints one block per object: its modes with matching keys, then its fields. */
  static void print(PrintStream out, Terminal terminal, JsonNode catalog, String only) {
    Map<String, List<JsonNode>> byObject = new LinkedHashMap<>();
    for (JsonNode operation : catalog.path("operations")) {
      byObject.computeIfAbsent(operation.path("object_name").asText(), o -> new ArrayList<>()).add(operation);
    }
    if (only != null && !byObject.containsKey(only)) {
      throw new UserError("no object '" + only + "'; objects: " + String.join(", ", byObject.keySet()));
    }
    for (Map.Entry<String, List<JsonNode>> entry : byObject.entrySet()) {
      if (only != null && !only.equals(entry.getKey())) {
        continue;
      }
      out.println();
      out.println(terminal.bold(entry.getKey()));
      Map<String, JsonNode> fields = new LinkedHashMap<>();
      Map<String, Boolean> required = new HashMap<>();
      for (JsonNode operation : entry.getValue()) {
        List<String> keys = new ArrayList<>();
        operation.path("matching_keys").forEach(k -> keys.add(k.path(0).asText()));
        out.println(Terminal.fit(String.format("  mode %-13s %s", operation.path("sync_mode").asText(),
            keys.isEmpty() ? "" : "matching keys: " + String.join(", ", keys)), Terminal.WIDTH));
        JsonNode schema = operation.path("json_schema");
        List<String> requiredHere = new ArrayList<>();
        schema.path("required").forEach(r -> requiredHere.add(r.asText()));
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> field = it.next();
          fields.putIfAbsent(field.getKey(), field.getValue());
          if (requiredHere.contains(field.getKey()) && !keys.contains(field.getKey())) {
            required.put(field.getKey(), true);
          }
        }
      }
      out.println(String.format("  %-32s %-22s %s", "field", "type", "options / notes"));
      for (Map.Entry<String, JsonNode> field : fields.entrySet()) {
        out.println(Terminal.fit(String.format("  %-32s %-22s %s", Terminal.fit(field.getKey(), 32),
            type(field.getValue()), notes(field.getValue(), required.getOrDefault(field.getKey(), false))),
            Terminal.WIDTH));
      }
    }
  }

  private static String type(JsonNode schema) {
    JsonNode type = schema.path("type");
    String base = type.isArray() ? type.get(type.size() - 1).asText() : type.asText();
    String format = schema.path("format").asText("");
    return format.isEmpty() ? base : base + " (" + format + ")";
  }

  private static String notes(JsonNode schema, boolean required) {
    List<String> notes = new ArrayList<>();
    if (required) {
      notes.add("required");
    }
    JsonNode options = schema.has("enum") ? schema.path("enum") : schema.path("items").path("enum");
    if (options.isArray() && !options.isEmpty()) {
      List<String> values = new ArrayList<>();
      options.forEach(v -> {
        if (!v.isNull()) {
          values.add(v.asText());
        }
      });
      notes.add("one of: " + String.join(", ", values));
    }
    if (schema.has("maxLength")) {
      notes.add("max " + schema.path("maxLength").asInt() + " chars");
    }
    return String.join("; ", notes);
  }
}
