package io.activationsuite.sink.rejected;

/**
 * Memory bounds of a file-backed rejected-record store: a stream's buffer is written as a part once it reaches
 * {@code partSizeBytes}, and any stream is written out as soon as all buffers together exceed
 * {@code maxBufferedBytes}. Sizes are measured after compression.
 *
 * @param partSizeBytes target size of one part
 * @param maxBufferedBytes cap of all buffers of the store together
 */
public record BufferLimits(long partSizeBytes, long maxBufferedBytes) {

  /** 8 MiB parts, 64 MiB for all streams together. */
  public static final BufferLimits DEFAULT = new BufferLimits(8L << 20, 64L << 20);

  /** Validates the limits. */
  public BufferLimits {
    if (partSizeBytes <= 0 || maxBufferedBytes <= 0) {
      throw new IllegalArgumentException("Buffer limits must be positive");
    }
  }
}
