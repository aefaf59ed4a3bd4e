package io.activationsuite.destination.salesforce.http;

import io.activationsuite.sink.http.retry.ResponseClassifier;
import io.activationsuite.sink.http.retry.ResponseRule;
import io.activationsuite.sink.http.retry.Verdict;
import java.util.Optional;

/**
 * What Salesforce answers mean beyond plain HTTP: {@code INVALID_SESSION_ID} asks for a token refresh,
 * {@code REQUEST_LIMIT_EXCEEDED} is the daily allocation (or, for concurrent requests, a throttle), and
 * the remaining 4xx answers go back to the caller, which reads their error codes (a 400 narrows a batch,
 * a 404 on describe means "no such object", a 403 names the missing permission).
 */
public final class SalesforceRules {

  private SalesforceRules() {}

  /** The classifier for every Salesforce REST and Bulk API call. */
  public static ResponseClassifier classifier() {
    return ResponseClassifier.standard(true)
        .with(invalidSession(), requestLimit(), clientErrorsToCaller());
  }

  /** An expired or revoked session: refresh the token once and retry. */
  static ResponseRule invalidSession() {
    return response -> response.bodyString().contains("INVALID_SESSION_ID")
        ? Optional.of(Verdict.refreshAuth()) : Optional.empty();
  }

  /**
   * 403 REQUEST_LIMIT_EXCEEDED. "TotalRequests" means the rolling 24 h allocation is used up (reset
   * unknown): a quota, which stops the sync; "ConcurrentRequests" means too many long requests at once, a
   * throttle.
   */
  public static ResponseRule requestLimit() {
    return response -> {
      if (response.status() != 403) {
        return Optional.empty();
      }
      String body = response.bodyString();
      if (!body.contains("REQUEST_LIMIT_EXCEEDED")) {
        return Optional.empty();
      }
      if (body.contains("ConcurrentRequests") || body.contains("Concurrent API Requests")) {
        return Optional.of(Verdict.throttled("Salesforce concurrent request limit exceeded"));
      }
      return Optional.of(Verdict.quotaExhausted("Salesforce total API request allocation (rolling 24 h) used up",
          null));
    };
  }

  /** 4xx answers other than 401, 408 and 429 are for the caller to interpret. */
  static ResponseRule clientErrorsToCaller() {
    return response -> {
      int status = response.status();
      boolean handledByTransport = status == 401 || status == 408 || status == 429;
      return status >= 400 && status < 500 && !handledByTransport ? Optional.of(Verdict.accept()) : Optional.empty();
    };
  }
}
