package io.activationsuite.sink.api;

import java.util.List;

/**
 * Writes batches of one stream plan (one object and operation) to the API. This is the heart of what a
 * connector implements; the engine does everything around it (mapping, coercion, batching, ordering,
 * concurrency, splitting, rejected records, checkpoints).
 *
 * <p>{@link #write} is called from several threads at once (up to the configured concurrency) and may
 * block for as long as the API needs (an asynchronous bulk job included). It returns one outcome per
 * input record, in input order. It throws {@link BatchRejectedException} when the API refused the batch
 * without saying which records were at fault, a {@code TransientErrorException} (including quota
 * exhaustion) when the sync must stop, a {@code ConfigErrorException} for credentials or permissions.
 */
public interface BatchWriter {

  /** Request size limits of this API call. */
  BatchLimits limits();

  /** Writes the batch and returns one outcome per record, in the same order. */
  List<RecordOutcome> write(List<OutboundRecord> batch) throws Exception;

  /**
   * Preferred number of records per write when throughput is best with large batches (Salesforce Bulk):
   * the engine fills batches up to {@link #limits()} and waits at most the linger time for more.
   */
  default boolean prefersFullBatches() {
    return false;
  }

  /**
   * The requests {@link #write} would send for {@code batch}, in order, built by the same code but not
   * sent: what a preview (dry run) shows as "exactly as it would be sent". Default: empty (the preview then
   * shows the records' payloads only). Must not call the API.
   */
  default List<PlannedRequest> plannedRequests(List<OutboundRecord> batch) {
    return List.of();
  }
}
