package io.activationsuite.sink.preview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.protocol.model.AirbyteLogMessage.Level;
import io.activationsuite.sink.api.BatchWriter;
import io.activationsuite.sink.api.ComposedWriter;
import io.activationsuite.sink.api.RejectionReason;
import io.activationsuite.sink.api.StreamPlan;
import io.activationsuite.sink.outcome.EngineLog;
import io.activationsuite.sink.outcome.StreamCounters;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A write in preview mode ({@code "dry_run": true} in the config): the engine runs as usual, reads
 * (discovery, lookups) included, but every writer is a {@link DryRunWriter}, and at the end one LOG line
 * per stream reports the planned records and requests, the rejections by reason and the first payloads.
 * Each report line is {@link #REPORT_PREFIX} followed by one JSON object, for people and for tools.
 */
public final class DryRun {
  /** Config property that turns preview on. */
  public static final String PROPERTY = "dry_run";
  /** Start of every report line; the rest of the line is a JSON object. */
  public static final String REPORT_PREFIX = "Dry run report: ";
  /** Payloads kept per stream. */
  public static final int PAYLOADS_PER_STREAM = 5;

  /** Each stream's plan and report, in the order the writers were made (the report's order). */
  private final Map<StreamPlan, DryRunStream> streams = Collections.synchronizedMap(new LinkedHashMap<>());

  /** Whether the config asks for a dry run. */
  public static boolean requested(JsonNode config) {
    return config.path(PROPERTY).asBoolean(false);
  }

  /** The writer to use for {@code plan} instead of the connector's {@code real} one. */
  public BatchWriter writer(StreamPlan plan, BatchWriter real) {
    DryRunStream stream = new DryRunStream(plan, PAYLOADS_PER_STREAM);
    streams.put(plan, stream);
    return real instanceof ComposedWriter composed ? new DryRunComposedWriter(composed, stream, streams::get)
        : new DryRunWriter(real, stream);
  }

  /** Logs one report line per stream, with the engine's counters of that stream (rejections by reason). */
  public void report(EngineLog log, Function<StreamPlan, StreamCounters> counters) {
    List<DryRunStream> all;
    synchronized (streams) {
      all = List.copyOf(streams.values());
    }
    for (DryRunStream stream : all) {
      ObjectNode json = stream.toJson();
      StreamCounters counted = counters.apply(stream.plan());
      ObjectNode rejected = json.putObject("rejected");
      if (counted != null) {
        json.put("received", counted.receivedCount());
        for (RejectionReason reason : RejectionReason.values()) {
          long count = counted.rejectedCount(reason);
          if (count > 0) {
            rejected.put(reason.name(), count);
          }
        }
      }
      log.log(Level.INFO, REPORT_PREFIX + json);
    }
    log.log(Level.INFO, "Dry run: no write request was sent and no STATE was echoed; the counts above are what a "
        + "real sync would send");
  }
}
