package io.activationsuite.sandbox;

/**
 * What the fault injector decided for one request, before the emulator sees it.
 */
public sealed interface FaultDecision {

  /** Serve the request normally. */
  record Pass() implements FaultDecision {
  }

  /** Answer with a server error of this status. */
  record ServerError(int status) implements FaultDecision {
  }

  /** Answer with the vendor's rate-limit response. */
  record Throttle() implements FaultDecision {
  }

  /** Drop the connection without any response. */
  record Reset() implements FaultDecision {
  }

  /**
   * Serve the request (the emulator applies it), then drop the connection without the answer: the server did
   * the work and the client cannot know - the case a non-idempotent request must never be resent blindly for.
   */
  record LoseAnswer() implements FaultDecision {
  }

  /** Hold the request without answering for this long, then drop the connection. */
  record Timeout(long holdMillis) implements FaultDecision {
  }
}
