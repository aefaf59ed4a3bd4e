package io.activationsuite.destination.salesforce.bulk;

import io.activationsuite.sink.api.BatchLimits;
import io.activationsuite.sink.api.BatchRejectedException;
import io.activationsuite.sink.api.DeliveryUncertainException;
import io.activationsuite.sink.api.JobLimits;
import io.activationsuite.sink.api.JobProgress;
import io.activationsuite.sink.api.JobWriter;
import io.activationsuite.sink.api.Operation;
import io.activationsuite.sink.api.OutboundRecord;
import io.activationsuite.sink.api.PlannedRequest;
import io.activationsuite.sink.api.RecordOutcome;
import io.activationsuite.sink.api.RejectionReason;
import io.activationsuite.sink.api.Submission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes records as Bulk API 2.0 ingest jobs on the engine's job shape: {@link #submit} creates the job,
 * uploads the CSV and closes it; the engine polls it on its shared schedule without holding a request
 * slot; {@link #results} joins the result documents back to the records. A part whose CSV would exceed
 * the 100 MB upload limit is refused before any call, so the engine halves it.
 */
public final class BulkWriter implements JobWriter<BulkWriter.Job> {
  /** Raw CSV per upload: Salesforce allows 150 MB after base64, i.e. about 100 MB raw. */
  public static final long MAX_UPLOAD_BYTES = 100L * 1024 * 1024;
  /** Bytes the engine may put in one batch: the JSON size estimate, with headroom for CSV quoting. */
  public static final long MAX_BATCH_BYTES = 80L * 1024 * 1024;
  private static final Logger LOG = LoggerFactory.getLogger(BulkWriter.class);
  private final BulkJobClient jobs;
  private final String object;
  private final BulkOperation operation;
  private final String keyColumn;
  private final BatchLimits limits;
  private final JobLimits jobLimits;
  private final long maxUploadBytes;
  private final Map<String, JobInfo> finished = new ConcurrentHashMap<>();

  /** A submitted job and the upload its results are joined to. */
  public record Job(String id, UploadFile upload) {}

  public BulkWriter(BulkJobClient jobs, String object, Operation operation, String matchingKey,
      int maxRecordsPerJob, long maxUploadBytes, JobLimits jobLimits) {
    this.jobs = jobs;
    this.object = object;
    this.operation = BulkOperation.of(operation);
    this.keyColumn = this.operation == BulkOperation.INSERT ? null : matchingKey;
    this.limits = new BatchLimits(maxRecordsPerJob, Math.min(MAX_BATCH_BYTES, maxUploadBytes));
    this.jobLimits = jobLimits;
    this.maxUploadBytes = maxUploadBytes;
  }

  @Override
  public BatchLimits limits() {
    return limits;
  }

  @Override
  public JobLimits jobLimits() {
    return jobLimits;
  }

  @Override
  public Submission<Job> submit(List<OutboundRecord> records) throws BatchRejectedException {
    if (records.isEmpty()) {
      return Submission.finished(List.of());
    }
    UploadFile upload = CsvUploadBuilder.build(records, keyColumn, operation == BulkOperation.DELETE);
    if (upload.csv().length > maxUploadBytes && records.size() > 1) {
      throw new BatchRejectedException(413, RejectionReason.RECORD_TOO_LARGE, "The CSV of " + records.size()
          + " records is " + upload.csv().length + " bytes, above the " + maxUploadBytes + "-byte upload limit");
    }
    JobInfo job = jobs.create(object, operation, keyColumn);
    try {
      jobs.upload(job.id(), upload.csv());
    } catch (DeliveryUncertainException e) {
      // nothing is processed before UploadComplete: abort this job and send the records again in a new one
      jobs.abortQuietly(job.id());
      LOG.warn("Bulk job {} on {}: the upload may not have arrived whole; the job was aborted unprocessed and its "
          + "{} records are sent again", job.id(), object, records.size());
      return Submission.finished(Collections.nCopies(records.size(), RecordOutcome.retry("The upload of bulk job "
          + job.id() + " was interrupted; the job was aborted before Salesforce processed it, so the record is "
          + "sent again")));
    }
    jobs.close(job.id());
    return Submission.started(new Job(job.id(), upload));
  }

  /** A preview of {@link #submit}: the job's create, upload (the CSV as built here) and close calls. */
  @Override
  public List<PlannedRequest> plannedRequests(List<OutboundRecord> records) {
    if (records.isEmpty()) {
      return List.of();
    }
    return jobs.planned(object, operation, keyColumn,
        CsvUploadBuilder.build(records, keyColumn, operation == BulkOperation.DELETE).csv());
  }

  @Override
  public List<JobProgress> poll(List<Job> running) {
    List<JobProgress> progress = new ArrayList<>(running.size());
    for (Job job : running) {
      JobInfo info = jobs.status(job.id());
      if (info.state().terminal()) {
        finished.put(job.id(), info);
        progress.add(JobProgress.FINISHED);
      } else {
        progress.add(JobProgress.RUNNING);
      }
    }
    return progress;
  }

  @Override
  public List<RecordOutcome> results(Job job, List<OutboundRecord> records) {
    JobInfo done = finished.remove(job.id());
    if (done == null) {
      done = jobs.status(job.id());
    }
    if (done.state() != JobState.JobComplete) {
      LOG.warn("Bulk job {} on {} ended {}: {}", done.id(), object, done.state(), done.errorMessage());
    }
    List<RecordOutcome> outcomes = BulkResultJoiner.join(job.upload(), keyColumn, jobs.results(done));
    LOG.info("Bulk {} job {} on {}: {} records, {} processed, {} failed ({})", operation.wireName(), done.id(),
        object, records.size(), done.processed(), done.failed(), done.state());
    return outcomes;
  }

  @Override
  public void abandon(Job job) {
    jobs.abortQuietly(job.id());
  }
}
