package io.activationsuite.acceptance.connectors;

/**
 * What the vendor's throttling answer (the one the sandbox's {@code throttleNext} injects) means, and so
 * what a connector must do with it: some vendors throttle per time window (wait and retry), others
 * answer that a daily allocation is used up (stop cleanly; the next sync resumes).
 */
public enum ThrottleContract {
  /** A per-window rate limit (HubSpot 429): wait as told and retry until every record lands. */
  RETRY_UNTIL_LANDED,
  /**
   * The daily allocation is spent (Salesforce {@code 403 REQUEST_LIMIT_EXCEEDED}): end the sync with a
   * transient error without hammering the API; a later sync resumes from the last echoed STATE.
   */
  STOP_AND_RESUME_LATER
}
