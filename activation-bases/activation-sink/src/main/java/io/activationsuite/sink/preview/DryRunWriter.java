package io.activationsuite.sink.preview;

import io.activationsuite.sink.api.BatchLimits;
import io.activationsuite.sink.api.BatchWriter;
import io.activationsuite.sink.api.JobWriter;
import io.activationsuite.sink.api.OutboundRecord;
import io.activationsuite.sink.api.RecordOutcome;
import java.util.ArrayList;
import java.util.List;

/**
 * Stands in for a connector's batch writer in a dry run: takes the batches the engine planned (same
 * limits, same batching as the real writer), records them in the stream's {@link DryRunStream} and
 * answers every record as accepted, without calling the API. The first batch's requests are built by the
 * real writer ({@link BatchWriter#plannedRequests}), so the preview shows them as they would be sent. A job
 * writer (bulk API) is previewed as plain batches of its limits: the records are the same, the number of
 * jobs (and so the records in each) may differ.
 */
public final class DryRunWriter implements BatchWriter {
  private final BatchWriter real;
  private final DryRunStream stream;

  public DryRunWriter(BatchWriter real, DryRunStream stream) {
    this.real = real;
    this.stream = stream;
  }

  @Override
  public BatchLimits limits() {
    return real.limits();
  }

  /**
   * A job writer's real run fills jobs with what is waiting (at least its minimum job size), so its preview
   * fills batches too: the first batch then takes the path a real job takes (Salesforce auto: Bulk, not
   * Collections).
   */
  @Override
  public boolean prefersFullBatches() {
    return real.prefersFullBatches() || real instanceof JobWriter<?>;
  }

  @Override
  public List<RecordOutcome> write(List<OutboundRecord> batch) {
    return plan(stream, batch, real);
  }

  /**
   * Records one planned request (with the real writer's requests for it when it is the first) and answers
   * each of its records as accepted.
   */
  static List<RecordOutcome> plan(DryRunStream stream, List<OutboundRecord> request, BatchWriter real) {
    stream.planned(request, () -> real.plannedRequests(request));
    return accepted(request.size());
  }

  /** {@code count} accepted outcomes: what a dry run answers for every planned record. */
  static List<RecordOutcome> accepted(int count) {
    List<RecordOutcome> outcomes = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      outcomes.add(RecordOutcome.accepted(null));
    }
    return outcomes;
  }
}
