package io.activationsuite.acceptance.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The stdin of a container: what the test writes to {@link #output()} is read by the Docker attach from
 * {@link #input()}, chunk by chunk; a full pipe blocks the writer (like a process pipe). Unlike
 * {@code PipedInputStream} it does not care which thread writes. Closing the output ends the input.
 */
final class StdinPipe {

  private static final byte[] END = new byte[0];
  private static final int CHUNKS = 64;

  private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(CHUNKS);
  private volatile boolean closed;

  private final OutputStream output = new OutputStream() {
    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (closed) {
        throw new IOException("the connector's stdin is closed");
      }
      if (len > 0) {
        put(Arrays.copyOfRange(b, off, off + len));
      }
    }

    @Override
    public void close() throws IOException {
      if (!closed) {
        closed = true;
        put(END);
      }
    }
  };

  private final InputStream input = new InputStream() {
    private byte[] current = new byte[0];
    private int position;
    private boolean ended;

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      while (position >= current.length) {
        if (ended) {
          return -1;
        }
        try {
          current = chunks.take();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted while reading the connector's stdin");
        }
        position = 0;
        if (current == END) {
          ended = true;
        }
      }
      int count = Math.min(len, current.length - position);
      System.arraycopy(current, position, b, off, count);
      position += count;
      return count;
    }
  };

  private void put(byte[] chunk) throws IOException {
    try {
      chunks.put(chunk);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while writing the connector's stdin");
    }
  }

  /** Where the test writes. */
  OutputStream output() {
    return output;
  }

  /** What the container reads. */
  InputStream input() {
    return input;
  }

  /** Ends the input without blocking (the container is gone: nobody reads any more). */
  void abandon() {
    closed = true;
    chunks.clear();
    chunks.offer(END);
  }
}
