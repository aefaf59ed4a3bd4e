package io.activationsuite.sink.rejected;

import java.util.List;

/**
 * A place that stores whole objects under keys: an S3 bucket or a local directory. Writing a key is atomic and
 * durable when {@link #put} returns, which is what lets the store promise durability on flush.
 */
interface ObjectTarget extends AutoCloseable {

  /** Stores the object, replacing any object with the same key; durable on return. */
  void put(String key, byte[] content, String contentType);

  /** Keys that start with the prefix. */
  List<String> list(String prefix);

  /** Removes the object if present. */
  void delete(String key);

  /** Human-readable address of a key prefix, e.g. {@code s3://bucket/prefix}. */
  String describe(String keyPrefix);

  @Override
  void close();
}
