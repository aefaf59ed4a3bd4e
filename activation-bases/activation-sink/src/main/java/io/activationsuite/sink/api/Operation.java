package io.activationsuite.sink.api;

import io.activationsuite.protocol.model.DestinationSyncMode;

/**
 * What the engine does with a record at the destination. Each maps to one protocol sync mode; ARCHIVE
 * and DELETE both map to {@code soft_delete}, and a connector offers the one its API has.
 */
public enum Operation {
  INSERT(DestinationSyncMode.APPEND),
  UPDATE(DestinationSyncMode.UPDATE),
  UPSERT(DestinationSyncMode.APPEND_DEDUP),
  ARCHIVE(DestinationSyncMode.SOFT_DELETE),
  DELETE(DestinationSyncMode.SOFT_DELETE);

  private final DestinationSyncMode syncMode;

  Operation(DestinationSyncMode syncMode) {
    this.syncMode = syncMode;
  }

  public DestinationSyncMode syncMode() {
    return syncMode;
  }

  /** Whether records of this operation are identified by a matching key. */
  public boolean needsMatchingKey() {
    return this != INSERT;
  }
}
