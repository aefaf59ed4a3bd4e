package io.activationsuite.sink.api;

/** What one poll says about a job. */
public enum JobProgress {
  /** Queued or running: poll again later. */
  RUNNING,
  /** Over (complete, failed or aborted): the engine asks {@link JobWriter#results} for its outcomes. */
  FINISHED
}
