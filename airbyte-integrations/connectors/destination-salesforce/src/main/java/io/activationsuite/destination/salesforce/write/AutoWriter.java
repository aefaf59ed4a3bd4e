package io.activationsuite.destination.salesforce.write;

import io.activationsuite.destination.salesforce.bulk.BulkWriter;
import io.activationsuite.sink.api.BatchLimits;
import io.activationsuite.sink.api.BatchWriter;
import io.activationsuite.sink.api.JobLimits;
import io.activationsuite.sink.api.JobProgress;
import io.activationsuite.sink.api.JobWriter;
import io.activationsuite.sink.api.OutboundRecord;
import io.activationsuite.sink.api.PlannedRequest;
import io.activationsuite.sink.api.RecordOutcome;
import io.activationsuite.sink.api.Submission;
import java.util.List;

/**
 * The {@code auto} write strategy: parts above the threshold become Bulk API 2.0 jobs, smaller ones (the
 * tail of a sync, a slow trickle) are written at once through synchronous sObject Collections, which
 * finish in one round trip instead of a job's minimum latency. The engine starts a job once more than
 * the threshold is waiting.
 */
public final class AutoWriter implements JobWriter<BulkWriter.Job> {
  private final BulkWriter bulk;
  private final BatchWriter collections;
  private final int threshold;
  private final JobLimits jobLimits;

  public AutoWriter(BulkWriter bulk, BatchWriter collections, int threshold) {
    this.bulk = bulk;
    this.collections = collections;
    this.threshold = threshold;
    JobLimits limits = bulk.jobLimits();
    int min = Math.min(bulk.limits().maxRecords(), Math.max(limits.minRecordsPerJob(), threshold + 1));
    this.jobLimits = new JobLimits(limits.maxJobsInFlight(), limits.maxJobsPerPoll(), min, limits.schedule());
  }

  @Override
  public BatchLimits limits() {
    return bulk.limits();
  }

  @Override
  public JobLimits jobLimits() {
    return jobLimits;
  }

  @Override
  public Submission<BulkWriter.Job> submit(List<OutboundRecord> records) throws Exception {
    return records.size() > threshold ? bulk.submit(records) : Submission.finished(collections.write(records));
  }

  @Override
  public List<PlannedRequest> plannedRequests(List<OutboundRecord> records) {
    return records.size() > threshold ? bulk.plannedRequests(records) : collections.plannedRequests(records);
  }

  @Override
  public List<JobProgress> poll(List<BulkWriter.Job> jobs) {
    return bulk.poll(jobs);
  }

  @Override
  public List<RecordOutcome> results(BulkWriter.Job job, List<OutboundRecord> records) {
    return bulk.results(job, records);
  }

  @Override
  public void abandon(BulkWriter.Job job) {
    bulk.abandon(job);
  }
}
