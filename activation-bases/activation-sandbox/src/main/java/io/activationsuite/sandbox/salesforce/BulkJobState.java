package io.activationsuite.sandbox.salesforce;

/** Lifecycle states of a Bulk API 2.0 ingest job, named as the API returns them. */
public enum BulkJobState {
  Open,
  UploadComplete,
  InProgress,
  Aborted,
  JobComplete,
  Failed;

  /** No further processing happens in these states. */
  public boolean isTerminal() {
    return this == Aborted || this == JobComplete || this == Failed;
  }
}
