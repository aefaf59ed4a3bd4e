package io.activationsuite.destination.salesforce.bulk;

/** The states of a Bulk API 2.0 ingest job. */
public enum JobState {
  Open,
  UploadComplete,
  InProgress,
  JobComplete,
  Failed,
  Aborted;

  /** Whether the job will not change any more. */
  public boolean terminal() {
    return this == JobComplete || this == Failed || this == Aborted;
  }

  /** Parses the API's state text. */
  public static JobState parse(String text) {
    for (JobState state : values()) {
      if (state.name().equalsIgnoreCase(text)) {
        return state;
      }
    }
    throw new IllegalArgumentException("unknown bulk job state: " + text);
  }
}
