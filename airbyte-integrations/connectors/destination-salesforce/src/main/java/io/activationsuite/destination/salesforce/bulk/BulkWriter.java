package io.activationsuite.destination.salesforce.bulk;

import io.activationsuite.sink.api.BatchLimits;
import io.activationsuite.sink.api.BatchRejectedException;
import io.activationsuite.sink.api.BatchWriter;
import io.activationsuite.sink.api.DeliveryUncertainException;
import io.activationsuite.sink.api.Operation;
import io.activationsuite.sink.api.OutboundRecord;
import io.activationsuite.sink.api.RecordOutcome;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each batch as one Bulk API 2.0 ingest job and blocks until its results are joined back to the
 * records. A batch whose CSV would exceed the 100 MB upload limit is split in two jobs.
 */
public final class BulkWriter implements BatchWriter {
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
  private final long maxUploadBytes;

  public BulkWriter(BulkJobClient jobs, String object, Operation operation, String matchingKey,
      int maxRecordsPerJob, long maxUploadBytes) {
    this.jobs = jobs;
    this.object = object;
    this.operation = BulkOperation.of(operation);
    this.keyColumn = this.operation == BulkOperation.INSERT ? null : matchingKey;
    this.limits = new BatchLimits(maxRecordsPerJob, Math.min(MAX_BATCH_BYTES, maxUploadBytes));
    this.maxUploadBytes = maxUploadBytes;
  }

  @Override
  public BatchLimits limits() {
    return limits;
  }

  @Override
  public boolean prefersFullBatches() {
    return true;
  }

  @Override
  public List<RecordOutcome> write(List<OutboundRecord> batch) throws BatchRejectedException {
    if (batch.isEmpty()) {
      return List.of();
    }
    UploadFile upload = CsvUploadBuilder.build(batch, keyColumn, operation == BulkOperation.DELETE);
    if (upload.csv().length > maxUploadBytes && batch.size() > 1) {
      int half = batch.size() / 2;
      List<RecordOutcome> outcomes = new ArrayList<>(write(batch.subList(0, half)));
      outcomes.addAll(write(batch.subList(half, batch.size())));
      return outcomes;
    }
    JobInfo job = jobs.create(object, operation, keyColumn);
    try {
      jobs.upload(job.id(), upload.csv());
    } catch (DeliveryUncertainException e) {
      // nothing is processed before UploadComplete: abort this job and send the records again in a new one
      jobs.abortQuietly(job.id());
      LOG.warn("Bulk job {} on {}: the upload may not have arrived whole; the job was aborted unprocessed and its "
          + "{} records are sent again", job.id(), object, batch.size());
      return Collections.nCopies(batch.size(), RecordOutcome.retry("The upload of bulk job " + job.id()
          + " was interrupted; the job was aborted before Salesforce processed it, so the record is sent again"));
    }
    jobs.close(job.id());
    JobInfo done = jobs.awaitTerminal(job.id());
    if (done.state() != JobState.JobComplete) {
      LOG.warn("Bulk job {} on {} ended {}: {}", done.id(), object, done.state(), done.errorMessage());
    }
    BulkResults results = jobs.results(done);
    List<RecordOutcome> outcomes = BulkResultJoiner.join(upload, keyColumn, results);
    LOG.info("Bulk {} job {} on {}: {} records, {} processed, {} failed ({})", operation.wireName(), done.id(),
        object, batch.size(), done.processed(), done.failed(), done.state());
    return outcomes;
  }
}
