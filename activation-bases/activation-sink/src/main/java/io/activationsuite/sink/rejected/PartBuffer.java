package io.activationsuite.sink.rejected;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/**
 * The bytes of one part being assembled in memory: encoded records, gzip-compressed on the fly when asked, so
 * its {@link #size()} is what the part will weigh in storage. Not thread-safe; the owner serialises access.
 */
final class PartBuffer {
  private final OutputFormat format;
  private final Compression compression;
  private ByteArrayOutputStream bytes;
  private OutputStream sink;
  private int records;

  PartBuffer(OutputFormat format, Compression compression) {
    this.format = format;
    this.compression = compression;
  }

  /** Appends one encoded record, starting a new part (with CSV header) if needed. */
  void append(RejectedRecord record) {
    try {
      if (sink == null) {
        open();
      }
      sink.write(format == OutputFormat.CSV ? RejectedRecordCodec.csvRow(record)
          : RejectedRecordCodec.jsonLine(record));
      records++;
    } catch (IOException e) {
      throw new UncheckedIOException("In-memory buffer write failed", e);
    }
  }

  /** Bytes held so far (compressed bytes when gzip is on). */
  long size() {
    return bytes == null ? 0 : bytes.size();
  }

  /** Records in the current part. */
  int records() {
    return records;
  }

  boolean isEmpty() {
    return records == 0;
  }

  /** Completes the part and returns its bytes; the buffer is then empty and its memory released. */
  byte[] finish() {
    if (isEmpty()) {
      return new byte[0];
    }
    try {
      sink.close();
    } catch (IOException e) {
      throw new UncheckedIOException("In-memory buffer close failed", e);
    }
    byte[] content = bytes.toByteArray();
    bytes = null;
    sink = null;
    records = 0;
    return content;
  }

  private void open() throws IOException {
    bytes = new ByteArrayOutputStream(8 * 1024);
    sink = compression == Compression.GZIP ? new GZIPOutputStream(bytes, 8 * 1024) : bytes;
    if (format == OutputFormat.CSV) {
      sink.write(RejectedRecordCodec.csvHeader());
    }
  }
}
