package io.activationsuite.protocol.runner;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.protocol.checkpoint.CheckpointLedger;
import io.activationsuite.protocol.checkpoint.CheckpointStats;
import io.activationsuite.protocol.checkpoint.RecordTicket;
import io.activationsuite.protocol.errors.FailureType;
import io.activationsuite.protocol.errors.SystemErrorException;
import io.activationsuite.protocol.io.Inbound;
import io.activationsuite.protocol.io.ByteLines;
import io.activationsuite.protocol.io.InboundParser;
import io.activationsuite.protocol.io.ProtocolOutput;
import io.activationsuite.protocol.model.AirbyteLogMessage.Level;
import io.activationsuite.protocol.model.AirbyteStreamStatusTraceMessage.Status;
import io.activationsuite.protocol.model.ConfiguredAirbyteCatalog;
import io.activationsuite.protocol.model.ConfiguredAirbyteStream;
import io.activationsuite.protocol.model.StreamDescriptor;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code write} loop: reads stdin line by line, tracks every record in the checkpoint ledger, feeds
 * the connector's session, and ends the sync with the right outcome - every earned STATE echoed, then
 * either success or one TRACE error.
 */
public final class WriteOperation {
  private static final int READ_BUFFER = 1 << 20;
  private static final int MAX_MALFORMED_LOGS = 20;

  private final Destination destination;
  private final ProtocolOutput output;
  private final FailureReporter reporter;

  public WriteOperation(Destination destination, ProtocolOutput output) {
    this.destination = destination;
    this.output = output;
    this.reporter = new FailureReporter(output);
  }

  /** Runs the write; returns the process exit code. */
  public int run(JsonNode config, ConfiguredAirbyteCatalog catalog, InputStream stdin) {
    CheckpointLedger ledger = new CheckpointLedger(output::writeTree);
    Map<StreamDescriptor, Status> statuses = new LinkedHashMap<>();
    Throwable failure = null;
    String failureContext = "The sync";
    WriteSession session;
    try {
      session = destination.openWrite(new WriteContext(config, catalog, output, ledger));
    } catch (Throwable e) {
      reporter.report(e, "Opening the write", null);
      return 1;
    }
    boolean drained = false;
    try {
      failure = readAll(stdin, ledger, session, statuses);
      if (failure == null || failure instanceof MalformedStateException) {
        session.drain();
        drained = true;
      }
    } catch (Throwable e) {
      failure = e;
    } finally {
      try {
        session.close();
      } catch (Throwable e) {
        if (failure == null) {
          failure = e;
          failureContext = "Closing the write";
        }
      }
    }
    CheckpointStats stats = ledger.stats();
    if (failure == null && ledger.barrierFailure() != null) {
      failure = ledger.barrierFailure();
      failureContext = "Storing rejected records";
    }
    if (failure == null && drained && (stats.inFlight() != 0 || stats.statesHeld() != 0)) {
      reporter.report(
          FailureType.SYSTEM_ERROR,
          "The connector finished without ending every record; no further state was committed.",
          "in flight: " + stats.inFlight() + ", states held: " + stats.statesHeld(),
          null);
      return 1;
    }
    logSummary(stats);
    if (failure != null) {
      reporter.report(failure, failureContext, null);
      return 1;
    }
    return reportIncompleteStreams(catalog, statuses);
  }

  private Throwable readAll(
      InputStream stdin, CheckpointLedger ledger, WriteSession session, Map<StreamDescriptor, Status> statuses)
      throws Exception {
    InboundParser parser = new InboundParser();
    ByteLines lines = new ByteLines(stdin, READ_BUFFER);
    long lineNumber = 0;
    long malformed = 0;
    while (lines.next()) {
      lineNumber++;
      if (lines.blank()) {
        continue;
      }
      Inbound inbound = parser.parse(lines.bytes(), lines.offset(), lines.length(), lineNumber);
      switch (inbound) {
        case Inbound.Record record -> {
          RecordTicket ticket = ledger.track(record.stream());
          session.accept(
              new InboundRecord(record.stream(), record.data(), record.emittedAt(), record.sizeBytes(), ticket));
        }
        case Inbound.State state -> {
          ledger.onState(state.message(), state.scope());
          session.onState(state.scope());
        }
        case Inbound.StreamStatus status -> {
          statuses.put(status.stream(), status.status());
          session.onStreamStatus(status.stream(), status.status());
        }
        case Inbound.Malformed bad -> {
          if (bad.state()) {
            return new MalformedStateException(bad.lineNumber(), bad.reason());
          }
          malformed++;
          if (malformed <= MAX_MALFORMED_LOGS) {
            output.log(Level.WARN, "Skipping unreadable input line " + bad.lineNumber() + ": " + bad.reason()
                + (bad.stream() != null ? " (counted as a rejected record of " + bad.stream() + ")" : ""));
          }
          RecordTicket ticket = bad.stream() != null ? ledger.track(bad.stream()) : ledger.trackGlobalOnly();
          session.reject(new UnreadableRecord(bad.stream(), bad.raw(), bad.reason(), bad.lineNumber(), ticket));
        }
        case Inbound.Other other -> {
          // LOG, CONTROL and other traces from upstream need no action from a destination.
        }
      }
    }
    if (malformed > MAX_MALFORMED_LOGS) {
      output.log(Level.WARN, malformed + " unreadable input lines in total were rejected");
    }
    return null;
  }

  private int reportIncompleteStreams(ConfiguredAirbyteCatalog catalog, Map<StreamDescriptor, Status> statuses) {
    List<StreamDescriptor> incomplete =
        catalog.streams().stream()
            .map(ConfiguredAirbyteStream::descriptor)
            .filter(stream -> statuses.get(stream) != Status.COMPLETE)
            .toList();
    if (incomplete.isEmpty()) {
      return 0;
    }
    StringBuilder message = new StringBuilder("The source did not complete ");
    message.append(incomplete.size() == 1 ? "stream " : "streams ");
    for (int i = 0; i < incomplete.size(); i++) {
      StreamDescriptor stream = incomplete.get(i);
      message.append(i == 0 ? "" : ", ").append(stream).append(" (")
          .append(statuses.containsKey(stream) ? "reported " + statuses.get(stream) : "no COMPLETE status")
          .append(')');
    }
    message.append(". Every record received was written and every state received was committed; "
        + "the next sync resumes from the last committed state.");
    reporter.report(FailureType.TRANSIENT_ERROR, message.toString(), "streams incomplete upstream",
        incomplete.size() == 1 ? incomplete.get(0) : null);
    return 1;
  }

  private void logSummary(CheckpointStats stats) {
    output.log(Level.INFO, "Write finished: " + stats.recordsTracked() + " records read, "
        + stats.acknowledged() + " acknowledged"
        + (stats.merged() == 0 ? "" : " (" + CheckpointStats.merged(stats.merged()) + ")")
        + ", " + stats.rejected() + " rejected, "
        + stats.statesEmitted() + " of " + stats.statesReceived() + " states committed"
        + (stats.statesWithheld() == 0 ? ""
            : " (" + stats.statesWithheld() + " withheld: a dry run commits nothing)"));
  }

  /** A STATE line that cannot be read: fatal, because it cannot be echoed faithfully. */
  static final class MalformedStateException extends SystemErrorException {
    private static final long serialVersionUID = 1L;

    MalformedStateException(long lineNumber, String reason) {
      super("Input line " + lineNumber + " is a STATE message that cannot be read (" + reason + "). "
          + "States before it were committed; the source or platform sent a corrupt checkpoint.");
    }
  }
}
