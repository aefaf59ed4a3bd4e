package io.activationsuite.sink.api;

/**
 * How the engine runs the asynchronous jobs of a {@link JobWriter}.
 *
 * @param maxJobsInFlight jobs submitted and not yet finished at once, across the session (Zendesk: 30
 *     queued or running per account); separate from the request concurrency, because a running job
 *     holds no request slot
 * @param maxJobsPerPoll jobs one {@link JobWriter#poll} call may ask about (Zendesk {@code show_many}:
 *     100; 1 when the API polls one job per call); above 1, a poll asks about every running job of the
 *     writer and first polls follow how long its jobs took (one request whatever the number of jobs)
 * @param minRecordsPerJob the smallest job the engine splits waiting records into when it spreads them
 *     over parallel jobs (fewer records still make one job at a flush or the end of input)
 * @param schedule when running jobs are polled, and the deadline of one job
 */
public record JobLimits(int maxJobsInFlight, int maxJobsPerPoll, int minRecordsPerJob, PollSchedule schedule) {

  public JobLimits {
    if (maxJobsInFlight < 1 || maxJobsPerPoll < 1 || minRecordsPerJob < 1) {
      throw new IllegalArgumentException("job limits must be positive");
    }
  }
}
