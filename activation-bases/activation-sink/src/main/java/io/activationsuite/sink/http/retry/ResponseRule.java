package io.activationsuite.sink.http.retry;

import io.activationsuite.sink.http.ApiResponse;
import java.util.Optional;

/**
 * A connector's override for some responses (e.g. Salesforce 403 REQUEST_LIMIT_EXCEEDED is a quota,
 * not a permission error); responses it does not recognise fall through to the standard rules.
 */
@FunctionalInterface
public interface ResponseRule {

  /** The verdict for {@code response}, or empty to defer to the next rule. */
  Optional<Verdict> apply(ApiResponse response);
}
