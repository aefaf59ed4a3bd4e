package io.activationsuite.sink.api;

import java.util.List;

/**
 * What {@link JobWriter#submit} did with a part of the records: started a job to poll, or wrote them
 * at once (a connector may send small parts synchronously, e.g. Salesforce sObject Collections below the
 * bulk threshold).
 *
 * @param <J> the connector's job handle
 */
public sealed interface Submission<J> {

  /** A job is running; the engine polls it with {@link JobWriter#poll}. */
  record Started<J>(J job) implements Submission<J> {}

  /** Already written: one outcome per submitted record, in order. */
  record Finished<J>(List<RecordOutcome> outcomes) implements Submission<J> {
    public Finished {
      outcomes = List.copyOf(outcomes);
    }
  }

  static <J> Submission<J> started(J job) {
    return new Started<>(job);
  }

  static <J> Submission<J> finished(List<RecordOutcome> outcomes) {
    return new Finished<>(outcomes);
  }
}
