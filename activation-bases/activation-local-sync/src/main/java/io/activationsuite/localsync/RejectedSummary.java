package io.activationsuite.localsync;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.protocol.model.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Reads the rejected-record files of a local run back: counts per reason, overall and per stream, and a
 * few examples from every stream.
 */
public final class RejectedSummary {
  private final Map<String, Long> byReason = new TreeMap<>();
  private final Map<String, Map<String, Long>> byStream = new LinkedHashMap<>();
  private final Map<String, List<JsonNode>> examplesByStream = new LinkedHashMap<>();
  private final List<Path> files = new ArrayList<>();

  /**
   * Reads every {@code .jsonl} / {@code .jsonl.gz} file below {@code directory} (missing: empty),
   * keeping at most {@code examplesPerStream} examples of each stream.
   */
  public static RejectedSummary read(Path directory, int examplesPerStream) throws IOException {
    RejectedSummary summary = new RejectedSummary();
    summary.files.addAll(filesUnder(directory));
    visit(directory, rejected -> {
      String reason = rejected.path("reason").asText("UNKNOWN");
      String stream = rejected.path("stream").asText("?");
      summary.byReason.merge(reason, 1L, Long::sum);
      summary.byStream.computeIfAbsent(stream, s -> new TreeMap<>()).merge(reason, 1L, Long::sum);
      List<JsonNode> examples = summary.examplesByStream.computeIfAbsent(stream, s -> new ArrayList<>());
      if (examples.size() < examplesPerStream) {
        examples.add(rejected);
      }
    });
    return summary;
  }

  /** Calls {@code visitor} with every rejected record stored below {@code directory}. */
  public static void visit(Path directory, Consumer<JsonNode> visitor) throws IOException {
    for (Path file : filesUnder(directory)) {
      try (InputStream raw = Files.newInputStream(file);
          InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
          BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        String line;
        while ((line = reader.readLine()) != null) {
          if (!line.isBlank()) {
            visitor.accept(Json.mapper().readTree(line));
          }
        }
      }
    }
  }

  private static List<Path> filesUnder(Path directory) throws IOException {
    if (directory == null || !Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(directory)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> p.toString().endsWith(".jsonl") || p.toString().endsWith(".jsonl.gz"))
          .sorted().toList();
    }
  }

  public Map<String, Long> byReason() {
    return byReason;
  }

  /** Per stream, the count of each reason. */
  public Map<String, Map<String, Long>> byStream() {
    return byStream;
  }

  /** Per stream, the first few rejected records. */
  public Map<String, List<JsonNode>> examplesByStream() {
    return examplesByStream;
  }

  /** The first few examples of every stream, stream after stream. */
  public List<JsonNode> examples() {
    List<JsonNode> all = new ArrayList<>();
    examplesByStream.values().forEach(all::addAll);
    return all;
  }

  public List<Path> files() {
    return files;
  }

  public long total() {
    return byReason.values().stream().mapToLong(Long::longValue).sum();
  }
}
