package io.activationsuite.localsync;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.protocol.checkpoint.CheckpointStats;
import java.io.PrintStream;
import java.util.Map;

/** Prints what a local sync did: a table per stream, what landed, and the rejected records with reasons. */
public final class ReportPrinter {
  private final PrintStream out;

  public ReportPrinter(PrintStream out) {
    this.out = out;
  }

  public void print(SyncResult result) {
    out.printf("%n== %s: %s%n", result.destination(), result.succeeded() ? "sync succeeded" : "sync FAILED");
    if (!result.streams().isEmpty()) {
      out.printf("  %-22s %-20s %-13s %9s %9s %9s %7s %9s %10s%n",
          "stream", "object", "mode", "sent", "landed", "rejected", "states", "seconds", "records/s");
      for (StreamResult stream : result.streams()) {
        out.printf("  %-22s %-20s %-13s %9d %9d %9d %7d %9.2f %10.0f%n",
            stream.stream(), stream.object(), stream.mode(), stream.sent(), stream.acknowledged(),
            stream.rejected(), stream.states(), stream.duration().toNanos() / 1e9, stream.recordsPerSecond());
      }
      result.streams().stream().filter(s -> s.merged() > 0).forEach(s -> out.printf("  %s: %s (counted as "
          + "landed: one write carried both)%n", s.stream(), CheckpointStats.merged(s.merged())));
    }
    if (result.traceError() != null) {
      out.println("  connector error: " + result.traceError());
    }
    for (String problem : result.problems()) {
      out.println("  checkpoint problem: " + problem);
    }
  }

  /** Prints the rejected records summary: where they are, counts per reason and examples. */
  public void printRejected(RejectedSummary summary, Object location) {
    if (summary.total() == 0) {
      out.println("  rejected records: none");
      return;
    }
    out.printf("  rejected records: %d, stored under %s%n", summary.total(), location);
    for (Map.Entry<String, Long> reason : summary.byReason().entrySet()) {
      out.printf("    %-24s %d%n", reason.getKey(), reason.getValue());
    }
    out.println("  examples:");
    for (JsonNode example : summary.examples()) {
      out.printf("    - [%s] %s%s: %s%n", example.path("reason").asText(), example.path("stream").asText(),
          example.path("field").isTextual() ? " field " + example.path("field").asText() : "",
          shorten(example.path("message").asText("")));
    }
  }

  private static String shorten(String text) {
    return text.length() <= 140 ? text : text.substring(0, 137) + "...";
  }
}
