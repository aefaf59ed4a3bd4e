package io.activationsuite.protocol.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.activationsuite.protocol.errors.FailureType;
import io.activationsuite.protocol.model.AirbyteErrorTraceMessage;
import io.activationsuite.protocol.model.AirbyteLogMessage;
import io.activationsuite.protocol.model.AirbyteMessage;
import io.activationsuite.protocol.model.AirbyteTraceMessage;
import io.activationsuite.protocol.model.Json;
import io.activationsuite.protocol.model.StreamDescriptor;
import io.activationsuite.protocol.secrets.SecretRedactor;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * The stdout channel: exactly one JSON message per line, written atomically from any thread. Text a
 * user reads (LOG, TRACE, CONNECTION_STATUS) is redacted; STATE and CONTROL go out byte-faithful.
 */
public final class ProtocolOutput implements AutoCloseable {
  private static final byte[] NEWLINE = {'\n'};

  private final OutputStream out;
  private final ObjectMapper mapper = Json.mapper();
  private final Clock clock;

  public ProtocolOutput(OutputStream out, Clock clock) {
    this.out = out;
    this.clock = clock;
  }

  /** Writes a message; LOG/TRACE/CONNECTION_STATUS text is redacted of secrets. */
  public void write(AirbyteMessage message) {
    String line = serialize(message);
    boolean userText =
        message.type() == AirbyteMessage.Type.LOG
            || message.type() == AirbyteMessage.Type.TRACE
            || message.type() == AirbyteMessage.Type.CONNECTION_STATUS;
    writeLine(userText ? SecretRedactor.redact(line) : line, message.type() != AirbyteMessage.Type.LOG);
  }

  /** Writes an already-built message tree unchanged (used to echo STATE with unknown fields intact). */
  public void writeTree(JsonNode message) {
    writeLine(serialize(message), true);
  }

  public void log(AirbyteLogMessage.Level level, String message) {
    write(AirbyteMessage.of(new AirbyteLogMessage(level, message, null)));
  }

  /** Writes a TRACE ERROR with the given failure class. */
  public void traceError(
      FailureType type, String message, String internalMessage, String stackTrace, StreamDescriptor stream) {
    AirbyteErrorTraceMessage error =
        new AirbyteErrorTraceMessage(message, internalMessage, stackTrace, type.wireName(), stream);
    write(AirbyteMessage.of(AirbyteTraceMessage.error(clock.millis(), error)));
  }

  public long nowMillis() {
    return clock.millis();
  }

  public synchronized void flush() {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write to stdout", e);
    }
  }

  @Override
  public void close() {
    flush();
  }

  private String serialize(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialise a protocol message", e);
    }
  }

  private synchronized void writeLine(String line, boolean flush) {
    try {
      out.write(line.getBytes(StandardCharsets.UTF_8));
      out.write(NEWLINE);
      if (flush) {
        out.flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write to stdout", e);
    }
  }
}
