package io.activationsuite.localsync;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.localsync.cdc.StreamChanges;
import io.activationsuite.protocol.checkpoint.CheckpointStats;
import java.io.PrintStream;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Prints what a local sync did, within {@link Terminal#WIDTH} columns: a table per stream, what the
 * change-data-capture diff found, a loud line when nothing landed, the rejected records by stream and
 * reason with examples from every stream, and for a preview what would be sent.
 */
public final class ReportPrinter {
  /** Lines of a planned request's body shown (a CSV upload's header and first rows). */
  private static final int BODY_LINES = 6;
  private static final String ROW = "  %-20s %-14s %-12s %8s %8s %8s %7s %9s";
  private final PrintStream out;
  private final Terminal terminal;

  public ReportPrinter(PrintStream out, Terminal terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  /** The per-stream table, the diff and the connector's errors. */
  public void print(SyncResult result, boolean preview) {
    String verdict = preview
        ? (result.succeeded() ? terminal.green("preview done, nothing was written") : terminal.red("preview FAILED"))
        : (result.succeeded() ? terminal.green("sync succeeded") : terminal.red("sync FAILED"));
    out.printf("%n== %s: %s%n", result.destination(), verdict);
    if (!result.streams().isEmpty()) {
      out.println(terminal.bold(String.format(ROW, "stream", "object", "mode", preview ? "planned" : "sent",
          preview ? "valid" : "landed", "rejected", "seconds", "records/s")));
      for (StreamResult stream : result.streams()) {
        out.printf(ROW + "%n", Terminal.fit(stream.stream(), 20), Terminal.fit(stream.object(), 14),
            Terminal.fit(stream.mode(), 12), stream.sent(), stream.acknowledged(), stream.rejected(),
            String.format("%.2f", stream.duration().toNanos() / 1e9),
            String.format("%.0f", stream.recordsPerSecond()));
      }
      for (StreamResult stream : result.streams()) {
        if (stream.changes() != null) {
          String line = "  " + stream.stream() + ": " + describe(stream.changes(), preview);
          out.println(Terminal.fit(line, Terminal.WIDTH));
          if (!preview && stream.rejected() > 0) {
            out.println(Terminal.fit(String.format("  %s: landed %,d of %,d sent (%,d rejected, sent again next run)",
                stream.stream(), stream.acknowledged(), stream.sent(), stream.rejected()), Terminal.WIDTH));
          }
        }
      }
      result.streams().stream().filter(s -> s.merged() > 0).forEach(s -> out.println(Terminal.fit("  " + s.stream()
          + ": " + CheckpointStats.merged(s.merged()) + " (counted as landed: one write carried both)",
          Terminal.WIDTH)));
    }
    if (!preview && result.nothingLanded()) {
      out.println(terminal.red(terminal.bold(String.format("  NOTHING LANDED: all %,d records sent were rejected",
          result.sent()))));
    }
    if (result.traceError() != null) {
      printWrapped("  connector error: " + result.traceError());
    }
    for (String problem : result.problems()) {
      printWrapped("  checkpoint problem: " + problem);
    }
  }

  private void printWrapped(String text) {
    for (String line : Terminal.wrap(text, Terminal.WIDTH, "    ")) {
      out.println(terminal.red(line));
    }
  }

  /** What the diff found, in words. */
  static String describe(StreamChanges changes, boolean preview) {
    if (!changes.keyed()) {
      return String.format("%,d rows %s (no primary key: every row is sent each run)", changes.created(),
          preview ? "would be created" : "sent");
    }
    return String.format("%s%,d created, %,d updated, %,d removed, %,d unchanged",
        preview ? "would be " : "", changes.created(), changes.updated(), changes.removed(), changes.unchanged());
  }

  /** The connector's dry-run report: per stream the operation, planned requests, rejections and payloads. */
  public void printPreview(List<JsonNode> previews) {
    for (JsonNode report : previews) {
      out.printf("%n  %s -> %s %s%s: %,d records in %,d requests%n", report.path("stream").asText(),
          report.path("operation").asText(), report.path("object").asText(),
          report.has("matching_key") ? " by " + report.path("matching_key").asText() : "",
          report.path("records").asLong(), report.path("requests").asLong());
      for (Iterator<Map.Entry<String, JsonNode>> it = report.path("rejected").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> reason = it.next();
        out.println(terminal.yellow(String.format("    would be rejected: %-24s %,d", reason.getKey(),
            reason.getValue().asLong())));
      }
      JsonNode requests = report.path("first_requests");
      if (requests.isEmpty()) {
        for (JsonNode payload : report.path("payloads")) {
          out.println(Terminal.fit("    " + payload, Terminal.WIDTH));
        }
      }
      for (JsonNode request : requests) {
        out.println(Terminal.fit("    would send: " + request.path("method").asText() + " "
            + request.path("path").asText(), Terminal.WIDTH));
        List<String> lines = request.path("body").asText("").lines().toList();
        lines.stream().limit(BODY_LINES).forEach(line -> out.println(Terminal.fit("      " + line, Terminal.WIDTH)));
        if (lines.size() > BODY_LINES) {
          out.printf("      (%,d more lines)%n", lines.size() - BODY_LINES);
        }
      }
    }
  }

  /** The rejected records: where they are, counts per stream and reason, and examples from every stream. */
  public void printRejected(RejectedSummary summary, Object location) {
    if (summary.total() == 0) {
      out.println("  rejected records: none");
      return;
    }
    out.println(Terminal.fit(String.format("  rejected records: %,d, stored under %s", summary.total(), location),
        Terminal.WIDTH));
    for (Map.Entry<String, Map<String, Long>> stream : summary.byStream().entrySet()) {
      out.println("    " + stream.getKey() + ":");
      for (Map.Entry<String, Long> reason : stream.getValue().entrySet()) {
        out.println(terminal.yellow(String.format("      %-28s %,d", reason.getKey(), reason.getValue())));
      }
      for (JsonNode example : summary.examplesByStream().getOrDefault(stream.getKey(), List.of())) {
        String line = "      - [" + example.path("reason").asText() + "]"
            + (example.path("field").isTextual() ? " " + example.path("field").asText() : "") + ": "
            + example.path("message").asText("");
        out.println(Terminal.fit(line, Terminal.WIDTH));
      }
    }
  }
}
