package io.activationsuite.acceptance.capabilities;

/**
 * A test argument standing for "this connector has no case for this test" (e.g. no unsupported targets),
 * so a per-case parameter source still yields one invocation per connector, reported as not applicable with
 * {@link #reason()} instead of silently missing.
 *
 * @param reason why the test does not apply
 */
public record NotApplicable(String reason) {

  @Override
  public String toString() {
    return "n/a: " + reason;
  }
}
