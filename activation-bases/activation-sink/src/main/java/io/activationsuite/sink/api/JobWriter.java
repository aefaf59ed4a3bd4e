package io.activationsuite.sink.api;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link BatchWriter} for APIs that answer a write with an asynchronous job: submit -> job handle ->
 * poll -> per-record outcomes (Salesforce Bulk API 2.0 ingest jobs, Zendesk {@code job_status}). The
 * engine drives the life cycle itself: each call ({@link #submit}, {@link #poll}, {@link #results}) takes a
 * request slot only while it runs, never while a job runs; at most {@link JobLimits#maxJobsInFlight()} jobs
 * run at once; one shared poll schedule asks about up to {@link JobLimits#maxJobsPerPoll()} jobs per call
 * (when a poll takes several, every running job of the writer rides along with the due ones, and new jobs are
 * first polled where the writer's recent jobs finished); jobs start while input still arrives, and waiting records are spread over parallel jobs of at
 * least {@link JobLimits#minRecordsPerJob()} records. Keys stay locked from submission to results, so
 * ordering by matching key holds across jobs.
 *
 * <p>{@link #limits()} bounds one job (records and payload bytes). {@link #submit} throws
 * {@link BatchRejectedException} when the API refused the part as a whole (the engine halves it); other
 * exceptions stop the sync like {@link BatchWriter#write}. A job that ended without a result for some
 * records returns {@link RecordOutcome.Retry} for them.
 *
 * @param <J> the connector's job handle (immutable; a connector whose poll answers carry the results
 *     keeps them where {@link #results} finds them)
 */
public interface JobWriter<J> extends BatchWriter {

  /** Jobs in flight, poll batching, job sizing and the poll schedule. */
  JobLimits jobLimits();

  /** Starts a job for {@code records} (create, upload, close: whatever the API needs), or writes them at once. */
  Submission<J> submit(List<OutboundRecord> records) throws Exception;

  /** The progress of each job, in the same order; at most {@link JobLimits#maxJobsPerPoll()} jobs. */
  List<JobProgress> poll(List<J> jobs) throws Exception;

  /** One outcome per record of a finished job, in the order they were submitted. */
  List<RecordOutcome> results(J job, List<OutboundRecord> records) throws Exception;

  /** The engine gives up on a running job (its deadline passed): abort it if the API can. */
  default void abandon(J job) {}

  /**
   * Submits {@code batch} and blocks until its outcomes are known, polling on {@link JobLimits#schedule()}
   * (for callers outside the engine, such as a connector's own tests; the engine never blocks a slot).
   */
  @Override
  default List<RecordOutcome> write(List<OutboundRecord> batch) throws Exception {
    Submission<J> submission = submit(batch);
    if (submission instanceof Submission.Finished<J> finished) {
      return finished.outcomes();
    }
    J job = ((Submission.Started<J>) submission).job();
    PollSchedule schedule = jobLimits().schedule();
    long deadline = System.nanoTime() + schedule.timeout().toNanos();
    for (int attempt = 1; ; attempt++) {
      Thread.sleep(schedule.delay(attempt).toMillis());
      if (poll(List.of(job)).get(0) == JobProgress.FINISHED) {
        return new ArrayList<>(results(job, batch));
      }
      if (System.nanoTime() > deadline) {
        abandon(job);
        throw new io.activationsuite.protocol.errors.TransientErrorException("A job was still running after "
            + schedule.timeout().toMinutes() + " minutes; the next sync resumes from the last checkpoint.");
      }
    }
  }
}
