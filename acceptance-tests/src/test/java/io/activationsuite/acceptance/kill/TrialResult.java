package io.activationsuite.acceptance.kill;

import java.util.List;

/**
 * What one kill trial found: the kills that landed, what the sandbox held afterwards, and every broken
 * promise (a non-empty {@link #violations()} fails the matrix).
 *
 * @param trial 1-based trial number
 * @param points the kill points, as described for the report
 * @param kills kills that landed (the process was still running)
 * @param midRequest kills that landed while the sandbox was handling a request of the connector
 * @param lost expected records neither in the sandbox nor rejected with a reason
 * @param duplicates records the sandbox holds more than once
 * @param allowed duplicates the documented guarantee allows for these kills
 * @param rejected records rejected with a reason across all runs (reasons in {@code violations} or notes)
 * @param reruns runs after the first
 * @param millis wall time of every run of the trial
 * @param notes what the report lists under the trial (rejection reasons, kills that came too late)
 * @param violations broken promises
 */
public record TrialResult(int trial, List<String> points, int kills, int midRequest, int lost, int duplicates,
    int allowed, int rejected, int reruns, long millis, List<String> notes, List<String> violations) {

  /** Copies the lists. */
  public TrialResult {
    points = List.copyOf(points);
    notes = List.copyOf(notes);
    violations = List.copyOf(violations);
  }
}
