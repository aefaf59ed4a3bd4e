package io.activationsuite.protocol.secrets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Wraps stderr so that whatever any library logs there goes out line by line with secrets blanked. */
public final class RedactingOutputStream extends OutputStream {
  private static final int MAX_PARTIAL_LINE = 64 * 1024;

  private final OutputStream target;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

  public RedactingOutputStream(OutputStream target) {
    this.target = target;
  }

  @Override
  public synchronized void write(int b) throws IOException {
    line.write(b);
    if (b == '\n') {
      emitLine();
    }
  }

  @Override
  public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
    int start = offset;
    int end = offset + length;
    for (int i = offset; i < end; i++) {
      if (bytes[i] == '\n') {
        line.write(bytes, start, i - start + 1);
        emitLine();
        start = i + 1;
      }
    }
    line.write(bytes, start, end - start);
  }

  /**
   * Flushes complete lines only: a secret split across two writes must not escape because a caller
   * (PrintStream's auto-flush) flushed between them. The partial line goes out on {@link #close()}.
   */
  @Override
  public synchronized void flush() throws IOException {
    if (line.size() > MAX_PARTIAL_LINE) {
      emitLine();
    }
    target.flush();
  }

  @Override
  public synchronized void close() throws IOException {
    if (line.size() > 0) {
      emitLine();
    }
    target.flush();
  }

  private void emitLine() throws IOException {
    String text = line.toString(StandardCharsets.UTF_8);
    line.reset();
    target.write(SecretRedactor.redact(text).getBytes(StandardCharsets.UTF_8));
  }
}
