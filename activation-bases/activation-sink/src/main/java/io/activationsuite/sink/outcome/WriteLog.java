package io.activationsuite.sink.outcome;

import io.activationsuite.protocol.model.AirbyteLogMessage.Level;
import io.activationsuite.protocol.model.StreamDescriptor;
import io.activationsuite.sink.api.StreamPlan;
import io.activationsuite.sink.rejected.RejectedRecordStore;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a write tells the user: ignored fields (once per stream and field, at most 20 per stream), the
 * reason the write stopped, and the end-of-sync summary (per stream, rejected records, memory peak).
 */
public final class WriteLog {
  private static final int MAX_UNKNOWN_FIELDS_LOGGED = 20;

  private final EngineLog log;
  private final Map<StreamDescriptor, Set<String>> unknownFields = new LinkedHashMap<>();
  private boolean summaryLogged;

  public WriteLog(EngineLog log) {
    this.log = log;
  }

  public void log(Level level, String message) {
    log.log(level, message);
  }

  /** A record field the stream's object cannot take, ignored in every record of the stream. */
  public synchronized void unknownField(StreamDescriptor stream, StreamPlan plan, String name) {
    Set<String> seen = unknownFields.computeIfAbsent(stream, s -> new HashSet<>());
    if (seen.size() > MAX_UNKNOWN_FIELDS_LOGGED || !seen.add(name)) {
      return;
    }
    if (seen.size() > MAX_UNKNOWN_FIELDS_LOGGED) {
      log.log(Level.WARN, "Stream '" + stream + "': more fields that " + plan.object().name()
          + " cannot take are ignored; no further ones are logged");
      return;
    }
    log.log(Level.WARN, "Stream '" + stream + "': field '" + name + "' is not a writable field of "
        + plan.object().name() + " for " + plan.operation().name().toLowerCase(Locale.ROOT)
        + "; it is ignored in every record of the stream");
  }

  /** The write stops. */
  public void stopping(Throwable error) {
    log.log(Level.ERROR, "Stopping the write: " + sentence(error.getMessage())
        + " Requests in flight finish; records not sent are left for the next sync.");
  }

  /** The text as one sentence ending with a single period. */
  private static String sentence(String text) {
    String trimmed = String.valueOf(text).strip();
    return trimmed.endsWith(".") ? trimmed : trimmed + ".";
  }

  /** A mapped source path that records lacked altogether: where the stream's schema is open, a likely typo. */
  public void missingSource(StreamDescriptor stream, String path, String field, long lacking, long received) {
    log.log(Level.WARN, "Stream '" + stream + "': source path '" + path + "' of field '" + field
        + "' was absent from " + lacking + " of " + received + " records, so the field got no value from it; "
        + "if the stream has no such column, fix the mapping");
  }

  /** The end-of-sync summary, logged once. */
  public void summary(Collection<StreamCounters> streams, Collection<StreamCounters> unmapped,
      RejectedRecordStore store, long peakBytes, long capacityBytes) {
    synchronized (this) {
      if (summaryLogged) {
        return;
      }
      summaryLogged = true;
    }
    streams.forEach(c -> log.log(Level.INFO, c.summary()));
    unmapped.forEach(c -> log.log(Level.WARN, c.summary()));
    long rejected = streams.stream().mapToLong(StreamCounters::rejectedCount).sum();
    if (rejected > 0) {
      log.log(Level.INFO, rejected + " rejected records " + (store.retainsRecords()
          ? "were stored at " + store.location() : "were discarded (" + store.location() + ")"));
    }
    log.log(Level.INFO, "Write engine: peak buffered " + (peakBytes >> 10) + " KiB of a "
        + (capacityBytes >> 10) + " KiB budget");
  }
}
