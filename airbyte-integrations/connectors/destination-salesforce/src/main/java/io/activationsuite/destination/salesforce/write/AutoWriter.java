package io.activationsuite.destination.salesforce.write;

import io.activationsuite.sink.api.BatchLimits;
import io.activationsuite.sink.api.BatchWriter;
import io.activationsuite.sink.api.OutboundRecord;
import io.activationsuite.sink.api.RecordOutcome;
import java.util.List;

/**
 * The {@code auto} write strategy: asks the engine for full bulk-sized batches, sends batches above the
 * threshold through Bulk API 2.0 and smaller ones (the tail of a sync, a slow trickle) through
 * synchronous sObject Collections, which finish in one round trip instead of a job's minimum latency.
 */
public final class AutoWriter implements BatchWriter {
  private final BatchWriter bulk;
  private final BatchWriter collections;
  private final int threshold;

  public AutoWriter(BatchWriter bulk, BatchWriter collections, int threshold) {
    this.bulk = bulk;
    this.collections = collections;
    this.threshold = threshold;
  }

  @Override
  public BatchLimits limits() {
    return bulk.limits();
  }

  @Override
  public boolean prefersFullBatches() {
    return true;
  }

  @Override
  public List<RecordOutcome> write(List<OutboundRecord> batch) throws Exception {
    return batch.size() > threshold ? bulk.write(batch) : collections.write(batch);
  }
}
