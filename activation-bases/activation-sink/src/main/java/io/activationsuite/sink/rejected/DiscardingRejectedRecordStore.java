package io.activationsuite.sink.rejected;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store for {@code storage_type: None}: rejected records are dropped (the engine still counts them in
 * {@code rejectedRecordCount}), as in Airbyte. Warns once, at the first rejected record, that they are lost.
 */
final class DiscardingRejectedRecordStore implements RejectedRecordStore {
  private static final Logger LOG = LoggerFactory.getLogger(DiscardingRejectedRecordStore.class);

  private final AtomicBoolean warned = new AtomicBoolean();

  @Override
  public void write(RejectedRecord record) {
    Objects.requireNonNull(record, "record");
    if (warned.compareAndSet(false, true)) {
      LOG.warn("Records were rejected by the destination and are discarded because object_storage_config"
          + " is 'None'. They are still counted; configure S3 storage to keep them.");
    }
  }

  @Override
  public void flush() {
    // nothing is kept, so nothing to make durable
  }

  @Override
  public void close() {
    // no resources
  }

  @Override
  public String location() {
    return "none (rejected records are discarded)";
  }

  @Override
  public boolean retainsRecords() {
    return false;
  }

  /** Whether the discard warning has been logged. */
  boolean warned() {
    return warned.get();
  }
}
