package io.activationsuite.acceptance.connectors;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a connector can do, as its descriptor declares it (Trino-style capability flags). A test names the
 * capabilities it needs ({@link io.activationsuite.acceptance.capabilities.Requires}); for a connector that
 * lacks one the test is reported as not applicable, with the reason, and it runs - and must pass - for every
 * connector that claims it.
 */
public enum Capability {
  /** An idempotent upsert target ({@link ConnectorDescriptor#upsertTarget()}) whose records the suite reads back. */
  UPSERT_READ_BACK("idempotent upsert, read back from the sandbox"),
  /**
   * An append-only (create, not idempotent) target ({@link ConnectorDescriptor#appendTarget()}) whose records the
   * suite reads back; a record written twice lands twice.
   */
  APPEND_READ_BACK("append-only (not idempotent), read back from the sandbox"),
  /**
   * Derived, never declared: the connector has {@link #UPSERT_READ_BACK} or {@link #APPEND_READ_BACK}, so the
   * generic write tests can run on its {@link ConnectorDescriptor#readBackTarget()}.
   */
  READ_BACK("a target read back (upsert or append)"),
  /** The append target is messages (Slack), read back from the sandbox's message inspection, not a record store. */
  MESSAGES_READ_BACK("messages read back from the sandbox's inspection"),
  /**
   * Many rows gathered into one message of a bounded number of blocks ({@link ConnectorDescriptor#digests()}:
   * Slack's {@code channel_digest}), read back from the sandbox's message inspection.
   */
  DIGEST_MESSAGES("rows gathered into digest messages, read back from the sandbox's inspection"),
  /** Updates existing records by a key (mode {@code update}); a missing key is not created. */
  UPDATE("update of existing records by key"),
  /** Deletes or archives records by a key (mode {@code soft_delete}, possibly through a deletion object). */
  DELETE("delete or archive by key"),
  /** Records the API itself refuses one by one ({@link ConnectorDescriptor#refusedRecord}), the others landing. */
  REFUSED_RECORDS("the API refuses single records"),
  /** The vendor documents a length limit for the suite's text field: a longer value is rejected, never cut. */
  FIELD_LENGTH_LIMITS("a documented length limit on the text field"),
  /** The vendor's throttling answer is a rate window: wait as told and retry until every record lands. */
  THROTTLE_RETRY("throttling answers are waited out"),
  /** The vendor's throttling answer means the daily allocation is spent: stop cleanly, resume next sync. */
  THROTTLE_STOP("throttling answers stop the sync (allocation spent)"),
  /** A daily request quota the connector budgets ({@code daily_request_budget} or the vendor's allocation). */
  DAILY_QUOTA("a daily request quota"),
  /** An OAuth token endpoint called before the first API call ({@link ConnectorDescriptor#authenticationPath()}). */
  TOKEN_ENDPOINT("an OAuth token endpoint called at start"),
  /**
   * An OAuth config ({@link ConnectorDescriptor#oauthConfig}) whose short-lived access tokens the sandbox can
   * expire mid-sync; the connector must refresh and go on.
   */
  OAUTH("OAuth access tokens that expire"),
  /** OAuth refresh tokens that rotate: each refresh returns a new one, saved through a CONTROL message. */
  OAUTH_ROTATION("rotating OAuth refresh tokens"),
  /** Writes through the vendor's asynchronous jobs (submit, poll, per-item results). */
  ASYNC_JOBS("asynchronous jobs"),
  /** A rerun from the last echoed STATE after a SIGKILL ends with exactly the input: nothing lost or doubled. */
  KILL_RERUN_EXACT("a rerun after a kill neither loses nor duplicates"),
  /** Targets it must refuse at write start ({@link ConnectorDescriptor#unsupportedTargets()}). */
  UNSUPPORTED_TARGETS("modes or keys it refuses with a config_error");

  private final String meaning;

  /** {@code declared} plus the derived {@link #READ_BACK}. */
  public static Set<Capability> effective(Set<Capability> declared) {
    Set<Capability> all = declared.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(declared);
    if (all.contains(UPSERT_READ_BACK) || all.contains(APPEND_READ_BACK)) {
      all.add(READ_BACK);
    }
    return all;
  }

  Capability(String meaning) {
    this.meaning = meaning;
  }

  /** What the flag means, for reports. */
  public String meaning() {
    return meaning;
  }
}
