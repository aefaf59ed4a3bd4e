package io.activationsuite.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a request body whole. A body that declares its {@code Content-Length} is read straight into an array
 * of that size (what {@link InputStream#readAllBytes} returns, without its chunk buffers and final copy, which
 * a benchmark pays on every request); any other body, or one longer than it declared, is read to its end.
 */
final class RequestBodies {

  /** Declared lengths up to this are allocated up front; beyond, the body is read in chunks as it comes. */
  static final int MAX_PRESIZED = 16 * 1024 * 1024;

  private RequestBodies() {
  }

  /** All bytes of {@code in}; {@code contentLength} is the header's value, or null when absent. */
  static byte[] read(InputStream in, String contentLength) throws IOException {
    int declared = declared(contentLength);
    if (declared < 0) {
      return in.readAllBytes();
    }
    byte[] body = new byte[declared];
    int read = in.readNBytes(body, 0, declared);
    if (read < declared) {
      return Arrays.copyOf(body, read);
    }
    int next = in.read();
    if (next < 0) {
      return body;
    }
    ByteArrayOutputStream all = new ByteArrayOutputStream(declared + 1024);
    all.write(body);
    all.write(next);
    in.transferTo(all);
    return all.toByteArray();
  }

  private static int declared(String contentLength) {
    if (contentLength == null) {
      return -1;
    }
    try {
      long length = Long.parseLong(contentLength.trim());
      return length >= 0 && length <= MAX_PRESIZED ? (int) length : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
