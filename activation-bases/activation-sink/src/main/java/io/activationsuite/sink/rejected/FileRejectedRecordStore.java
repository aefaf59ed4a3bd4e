package io.activationsuite.sink.rejected;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rejected-record store for storages that hold files (S3, a local directory): buffers records per stream in
 * bounded memory and writes each stream's new records as a new part on flush or when a buffer is full.
 *
 * <p>Parts are named from the {@link FileLayout} templates with the time the store was opened (the sync start,
 * so a retried attempt of the same sync id gets new names) and a part number unique within the store. A part
 * whose upload failed is kept and retried under the same key by the next flush.
 *
 * <p>Thread-safe: each stream has its own lock, so writers of different streams do not wait for each other.
 */
final class FileRejectedRecordStore implements RejectedRecordStore {

  private static final Pattern STREAM_VARIABLE =
      Pattern.compile("\\$?\\{(?i:namespace|stream_name|part_number|uuid|format_extension)\\b");

  private final ObjectTarget target;
  private final String rootPrefix;
  private final FileLayout layout;
  private final ObjectPathTemplate pathTemplate;
  private final ObjectPathTemplate fileNameTemplate;
  private final String syncId;
  private final BufferLimits limits;
  private final Instant openedAt;
  private final Map<StreamKey, StreamBuffer> buffers = new ConcurrentHashMap<>();
  private final AtomicLong nextPartNumber = new AtomicLong();
  private final AtomicLong bufferedBytes = new AtomicLong();
  private final AtomicLong peakBufferedBytes = new AtomicLong();
  private final AtomicLong partsWritten = new AtomicLong();
  private final String location;
  private volatile boolean closed;

  FileRejectedRecordStore(ObjectTarget target, String rootPrefix, FileLayout layout, String syncId,
      BufferLimits limits, Clock clock) {
    this.target = Objects.requireNonNull(target, "target");
    this.rootPrefix = normalizePrefix(rootPrefix);
    this.layout = Objects.requireNonNull(layout, "layout");
    this.pathTemplate = ObjectPathTemplate.parse(layout.pathFormat(), "path_format", false);
    this.fileNameTemplate = ObjectPathTemplate.parse(layout.fileNameFormat(), "file_name_format", true);
    this.syncId = Objects.requireNonNull(syncId, "syncId");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.openedAt = clock.instant();
    this.location = target.describe(syncPrefix());
  }

  @Override
  public void write(RejectedRecord record) {
    Objects.requireNonNull(record, "record");
    if (closed) {
      throw new IllegalStateException("The rejected-record store is closed");
    }
    StreamKey key = new StreamKey(record.namespace(), record.stream());
    buffers.computeIfAbsent(key, StreamBuffer::new).append(record);
  }

  @Override
  public void flush() {
    for (StreamBuffer buffer : buffers.values()) {
      buffer.writeOut();
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      flush();
    } finally {
      target.close();
    }
  }

  @Override
  public String location() {
    return location;
  }

  @Override
  public boolean retainsRecords() {
    return true;
  }

  /** Parts written so far (for tests and reports). */
  long partsWritten() {
    return partsWritten.get();
  }

  /** Largest amount of memory all buffers held together at once. */
  long peakBufferedBytes() {
    return peakBufferedBytes.get();
  }

  /** The object key of a part for a stream. */
  String partKey(StreamKey stream, long partNumber) {
    ObjectPathTemplate.Values values = new ObjectPathTemplate.Values(syncId, stream.namespace(), stream.name(),
        openedAt, partNumber, layout.extension());
    return joinKey(rootPrefix, pathTemplate.expand(values) + fileNameTemplate.expand(values));
  }

  /** The key prefix that holds every part of this sync: the path format up to its first per-stream variable. */
  private String syncPrefix() {
    String template = pathTemplate.template();
    Matcher matcher = STREAM_VARIABLE.matcher(template);
    String fixed = matcher.find() ? template.substring(0, matcher.start()) : template;
    fixed = fixed.substring(0, fixed.lastIndexOf('/') + 1);
    String expanded = ObjectPathTemplate.parse(fixed, "path_format", false)
        .expand(new ObjectPathTemplate.Values(syncId, null, "", openedAt, 0, layout.extension()));
    String prefix = joinKey(rootPrefix, expanded);
    return prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
  }

  static String normalizePrefix(String prefix) {
    if (prefix == null) {
      return "";
    }
    String trimmed = prefix.replaceAll("/{2,}", "/");
    while (trimmed.startsWith("/")) {
      trimmed = trimmed.substring(1);
    }
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed;
  }

  static String joinKey(String prefix, String rest) {
    String joined = prefix.isEmpty() ? rest : prefix + "/" + rest;
    joined = joined.replaceAll("/{2,}", "/");
    while (joined.startsWith("/")) {
      joined = joined.substring(1);
    }
    return joined;
  }

  private void account(long delta) {
    long now = bufferedBytes.addAndGet(delta);
    peakBufferedBytes.accumulateAndGet(now, Math::max);
  }

  /** A stream's identity in the store. */
  record StreamKey(String namespace, String name) {
  }

  /** One stream's current part and, after a failed upload, the part waiting to be retried. */
  private final class StreamBuffer {
    private final StreamKey stream;
    private final PartBuffer part;
    private String unsentKey;
    private byte[] unsentContent;

    StreamBuffer(StreamKey stream) {
      this.stream = stream;
      this.part = new PartBuffer(layout.format(), layout.compression());
    }

    synchronized void append(RejectedRecord record) {
      long before = part.size();
      part.append(record);
      account(part.size() - before);
      if (part.size() >= limits.partSizeBytes() || bufferedBytes.get() > limits.maxBufferedBytes()) {
        writeOutLocked();
      }
    }

    synchronized void writeOut() {
      writeOutLocked();
    }

    private void writeOutLocked() {
      if (unsentKey != null) {
        upload();
      }
      if (part.isEmpty()) {
        return;
      }
      long size = part.size();
      unsentKey = partKey(stream, nextPartNumber.getAndIncrement());
      unsentContent = part.finish();
      account(unsentContent.length - size);
      upload();
    }

    private void upload() {
      String contentType = layout.compression() == Compression.GZIP ? "application/gzip"
          : layout.format().contentType();
      target.put(unsentKey, unsentContent, contentType);
      account(-unsentContent.length);
      partsWritten.incrementAndGet();
      unsentKey = null;
      unsentContent = null;
    }
  }
}
