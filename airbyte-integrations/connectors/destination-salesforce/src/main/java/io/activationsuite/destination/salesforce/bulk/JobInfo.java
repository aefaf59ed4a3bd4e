package io.activationsuite.destination.salesforce.bulk;

import com.fasterxml.jackson.databind.JsonNode;

/** What a job status answer says: id, state, counters and the job-level error message. */
public record JobInfo(String id, JobState state, long processed, long failed, String errorMessage) {

  /** Reads a job info JSON answer. */
  public static JobInfo of(JsonNode json) {
    return new JobInfo(json.path("id").asText(), JobState.parse(json.path("state").asText()),
        json.path("numberRecordsProcessed").asLong(0), json.path("numberRecordsFailed").asLong(0),
        json.path("errorMessage").asText(null));
  }
}
