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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** Reads the rejected-record files of a local run back: counts per reason and a few examples. */
public final class RejectedSummary {
  private final Map<String, Long> byReason = new TreeMap<>();
  private final List<JsonNode> examples = new ArrayList<>();
  private final List<Path> files = new ArrayList<>();

  /** Reads every {@code .jsonl} / {@code .jsonl.gz} file below {@code directory} (missing: empty). */
  public static RejectedSummary read(Path directory, int maxExamples) throws IOException {
    RejectedSummary summary = new RejectedSummary();
    if (directory == null || !Files.isDirectory(directory)) {
      return summary;
    }
    List<Path> found;
    try (Stream<Path> walk = Files.walk(directory)) {
      found = walk.filter(Files::isRegularFile)
          .filter(p -> p.toString().endsWith(".jsonl") || p.toString().endsWith(".jsonl.gz"))
          .sorted().toList();
    }
    for (Path file : found) {
      summary.files.add(file);
      try (InputStream raw = Files.newInputStream(file);
          InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
          BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        String line;
        while ((line = reader.readLine()) != null) {
          if (line.isBlank()) {
            continue;
          }
          JsonNode rejected = Json.mapper().readTree(line);
          summary.byReason.merge(rejected.path("reason").asText("UNKNOWN"), 1L, Long::sum);
          if (summary.examples.size() < maxExamples) {
            summary.examples.add(rejected);
          }
        }
      }
    }
    return summary;
  }

  public Map<String, Long> byReason() {
    return byReason;
  }

  public List<JsonNode> examples() {
    return examples;
  }

  public List<Path> files() {
    return files;
  }

  public long total() {
    return byReason.values().stream().mapToLong(Long::longValue).sum();
  }
}
