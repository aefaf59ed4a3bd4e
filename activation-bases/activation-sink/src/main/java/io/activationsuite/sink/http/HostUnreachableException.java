package io.activationsuite.sink.http;

import io.activationsuite.protocol.errors.TransientErrorException;

/**
 * The API's host could not be reached at all (unknown host, connection refused or timed out, TLS
 * handshake failure) before it ever answered in this session: most often a wrong URL, host or network.
 * Raised after a short retry instead of the whole retry budget, so {@code check} says so in seconds.
 */
public class HostUnreachableException extends TransientErrorException {
  private static final long serialVersionUID = 1L;
  private final String host;

  public HostUnreachableException(String apiName, String host, String problem, Throwable cause) {
    super(apiName + " API: cannot reach " + host + " (DNS/connection): " + problem
        + ". Check the host name or URL in the configuration and that this network can reach it.", cause);
    this.host = host;
  }

  /** The host that could not be reached. */
  public String host() {
    return host;
  }
}
