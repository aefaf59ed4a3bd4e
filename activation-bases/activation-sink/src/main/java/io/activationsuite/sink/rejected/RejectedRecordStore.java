package io.activationsuite.sink.rejected;

/**
 * Where rejected records go: the "dead letter queue" of a sync. The engine writes every rejected record here
 * and calls {@link #flush()} before echoing a STATE, so a STATE is only echoed once every record it covers is
 * either acknowledged by the API or durably stored here.
 *
 * <p>Implementations are thread-safe and buffer in bounded memory.
 */
public interface RejectedRecordStore extends AutoCloseable {

  /**
   * Buffers one rejected record. May write a part to storage when the buffer is full, and then throws the
   * same exceptions as {@link #flush()}.
   *
   * @throws IllegalStateException after {@link #close()}
   */
  void write(RejectedRecord record);

  /**
   * Returns once every record written before this call is durable (in the bucket or on disk). Does no I/O
   * when nothing was written since the last flush.
   *
   * @throws io.activationsuite.protocol.errors.TransientErrorException storage temporarily unreachable
   * @throws io.activationsuite.protocol.errors.ConfigErrorException bucket missing, access denied, bad
   *     credentials
   */
  void flush();

  /** Flushes and releases resources. Idempotent. */
  @Override
  void close();

  /** A human-readable location for reports and logs, e.g. {@code s3://bucket/path/123/} or a directory. */
  String location();

  /** Whether records written here are kept (false for the discarding store). */
  boolean retainsRecords();
}
