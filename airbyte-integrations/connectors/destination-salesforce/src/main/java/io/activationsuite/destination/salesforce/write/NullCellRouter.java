package io.activationsuite.destination.salesforce.write;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.destination.salesforce.bulk.BulkWriter;
import io.activationsuite.destination.salesforce.bulk.CsvUploadBuilder;
import io.activationsuite.sink.api.BatchLimits;
import io.activationsuite.sink.api.BatchWriter;
import io.activationsuite.sink.api.JobLimits;
import io.activationsuite.sink.api.JobProgress;
import io.activationsuite.sink.api.JobWriter;
import io.activationsuite.sink.api.OutboundRecord;
import io.activationsuite.sink.api.PlannedRequest;
import io.activationsuite.sink.api.RecordOutcome;
import io.activationsuite.sink.api.Submission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * Keeps a user's text that is literally {@code #N/A} from becoming a clear: a Bulk API 2.0 CSV cell
 * {@code #N/A} means "set this field to null", so a record carrying such a value is sent through sObject
 * Collections (JSON, where it is just text). A part without such a value goes to the job writer unchanged
 * (the engine runs its job without holding a request slot); a part with one - rare - is written at once:
 * those records through Collections, the rest as a job waited for in place.
 */
public final class NullCellRouter implements JobWriter<BulkWriter.Job> {
  private final JobWriter<BulkWriter.Job> bulk;
  private final BatchWriter collections;

  public NullCellRouter(JobWriter<BulkWriter.Job> bulk, BatchWriter collections) {
    this.bulk = bulk;
    this.collections = collections;
  }

  @Override
  public BatchLimits limits() {
    return bulk.limits();
  }

  @Override
  public JobLimits jobLimits() {
    return bulk.jobLimits();
  }

  @Override
  public Submission<BulkWriter.Job> submit(List<OutboundRecord> batch) throws Exception {
    boolean[] literal = new boolean[batch.size()];
    List<OutboundRecord> viaCollections = new ArrayList<>();
    List<OutboundRecord> viaBulk = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      literal[i] = carriesNullCellText(batch.get(i));
      (literal[i] ? viaCollections : viaBulk).add(batch.get(i));
    }
    if (viaCollections.isEmpty()) {
      return bulk.submit(batch);
    }
    Iterator<RecordOutcome> fromCollections = collections.write(viaCollections).iterator();
    Iterator<RecordOutcome> fromBulk = viaBulk.isEmpty() ? List.<RecordOutcome>of().iterator()
        : bulk.write(viaBulk).iterator();
    RecordOutcome[] outcomes = new RecordOutcome[batch.size()];
    for (int i = 0; i < outcomes.length; i++) {
      outcomes[i] = literal[i] ? fromCollections.next() : fromBulk.next();
    }
    return Submission.finished(Arrays.asList(outcomes));
  }

  /** A preview of {@link #submit}: the records with a literal {@code #N/A} through Collections, the rest as a job. */
  @Override
  public List<PlannedRequest> plannedRequests(List<OutboundRecord> batch) {
    List<OutboundRecord> viaCollections = batch.stream().filter(NullCellRouter::carriesNullCellText).toList();
    List<PlannedRequest> requests = new ArrayList<>(collections.plannedRequests(viaCollections));
    requests.addAll(bulk.plannedRequests(batch.stream().filter(r -> !carriesNullCellText(r)).toList()));
    return requests;
  }

  @Override
  public List<JobProgress> poll(List<BulkWriter.Job> jobs) throws Exception {
    return bulk.poll(jobs);
  }

  @Override
  public List<RecordOutcome> results(BulkWriter.Job job, List<OutboundRecord> records) throws Exception {
    return bulk.results(job, records);
  }

  @Override
  public void abandon(BulkWriter.Job job) {
    bulk.abandon(job);
  }

  /** Whether a value of the record would be written as the cell Bulk reads as "clear this field". */
  static boolean carriesNullCellText(OutboundRecord record) {
    for (JsonNode value : record.payload()) {
      if (value != null && !value.isNull() && FieldValues.text(value).strip().equals(CsvUploadBuilder.NULL_CELL)) {
        return true;
      }
    }
    return false;
  }
}
