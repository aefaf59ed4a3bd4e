package io.activationsuite.protocol.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Splits stdin into lines of bytes without decoding them, so that each line goes to the JSON parser as
 * UTF-8 bytes (faster than decoding to characters first, and its size is known without counting). Line
 * ends are those of {@link java.io.BufferedReader#readLine}: {@code \n}, {@code \r} or {@code \r\n}; the
 * last line may have none. The current line is valid until the next call of {@link #next}; the buffer
 * grows to hold the longest line.
 */
public final class ByteLines {
  private final InputStream in;
  private byte[] buffer;
  private int start;
  private int end;
  private boolean eof;
  private boolean afterCarriageReturn;
  private int lineStart;
  private int lineLength;

  public ByteLines(InputStream in, int bufferSize) {
    this.in = in;
    this.buffer = new byte[Math.max(16, bufferSize)];
  }

  /** Moves to the next line; false at the end of the input. */
  public boolean next() throws IOException {
    if (afterCarriageReturn) {
      afterCarriageReturn = false;
      if (start == end) {
        compact();
        fill();
      }
      if (start < end && buffer[start] == '\n') {
        start++;
      }
    }
    int scan = start;
    while (true) {
      for (; scan < end; scan++) {
        byte b = buffer[scan];
        if (b == '\n' || b == '\r') {
          lineStart = start;
          lineLength = scan - start;
          start = scan + 1;
          afterCarriageReturn = b == '\r';
          return true;
        }
      }
      if (eof) {
        if (end == start) {
          return false;
        }
        lineStart = start;
        lineLength = end - start;
        start = end;
        return true;
      }
      int scanned = scan - start;
      compact();
      scan = start + scanned;
      fill();
    }
  }

  /** The buffer holding the current line, from {@link #offset()} for {@link #length()} bytes. */
  public byte[] bytes() {
    return buffer;
  }

  public int offset() {
    return lineStart;
  }

  public int length() {
    return lineLength;
  }

  /** The current line decoded (malformed UTF-8 replaced), for messages about it. */
  public String text() {
    return new String(buffer, lineStart, lineLength, StandardCharsets.UTF_8);
  }

  /** Whether the current line holds only whitespace, as {@link String#isBlank} would say of its text. */
  public boolean blank() {
    for (int i = lineStart; i < lineStart + lineLength; i++) {
      int b = buffer[i];
      if (b < 0) {
        return text().isBlank();
      }
      if (!Character.isWhitespace(b)) {
        return false;
      }
    }
    return true;
  }

  /** Moves unread bytes to the front, doubling the buffer when a line fills all of it. */
  private void compact() {
    if (start > 0) {
      System.arraycopy(buffer, start, buffer, 0, end - start);
      end -= start;
      start = 0;
    }
    if (end == buffer.length) {
      byte[] larger = new byte[buffer.length * 2];
      System.arraycopy(buffer, 0, larger, 0, end);
      buffer = larger;
    }
  }

  private void fill() throws IOException {
    int read = in.read(buffer, end, buffer.length - end);
    if (read < 0) {
      eof = true;
    } else {
      end += read;
    }
  }
}
