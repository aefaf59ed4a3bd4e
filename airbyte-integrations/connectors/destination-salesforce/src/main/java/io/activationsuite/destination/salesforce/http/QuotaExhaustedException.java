package io.activationsuite.destination.salesforce.http;

import io.activationsuite.protocol.errors.TransientErrorException;

/**
 * Salesforce answered {@code 403 REQUEST_LIMIT_EXCEEDED} for the org's daily allocation: the sync must
 * end now (states already earned are still echoed) and resume once the rolling 24 h window frees
 * requests.
 */
public class QuotaExhaustedException extends TransientErrorException {
  private static final long serialVersionUID = 1L;

  public QuotaExhaustedException(String message) {
    super(message);
  }
}
