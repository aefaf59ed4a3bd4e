package io.activationsuite.protocol.errors;

/** The three failure classes the Airbyte platform understands in a TRACE error ({@code failure_type}). */
public enum FailureType {
  /** The user must change the configuration (credentials, permissions, mappings). */
  CONFIG_ERROR("config_error"),
  /** Retrying the sync later may succeed (rate limit, quota, outage). */
  TRANSIENT_ERROR("transient_error"),
  /** A bug or an unexpected state: nothing the user can fix by configuration. */
  SYSTEM_ERROR("system_error");

  private final String wireName;

  FailureType(String wireName) {
    this.wireName = wireName;
  }

  /** The exact value written in the protocol message. */
  public String wireName() {
    return wireName;
  }
}
