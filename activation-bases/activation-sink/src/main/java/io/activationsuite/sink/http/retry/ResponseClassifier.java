package io.activationsuite.sink.http.retry;

import io.activationsuite.protocol.errors.FailureType;
import io.activationsuite.sink.http.ApiResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides what each response means: accept, retry, throttle, refresh auth, quota exhausted or reject.
 * Connectors start from {@link #standard} and add their API's rules with {@link #with}.
 */
@FunctionalInterface
public interface ResponseClassifier {

  /** The verdict for one response. */
  Verdict classify(ApiResponse response);

  /**
   * HTTP semantics shared by the SaaS APIs: 2xx accept; 401 refresh; 403 config error; 408 retry;
   * 429 throttled; 500 retry when {@code retryServerError}; 502/503/504 retry; other 4xx reject as a
   * request problem (the engine narrows the batch); other 5xx reject as transient.
   */
  static ResponseClassifier standard(boolean retryServerError) {
    return response -> {
      int status = response.status();
      if (status >= 200 && status < 300) {
        return Verdict.accept();
      }
      return switch (status) {
        case 401 -> Verdict.refreshAuth();
        case 403 -> Verdict.reject(FailureType.CONFIG_ERROR,
            "access denied (HTTP 403): check the credentials' permissions/scopes");
        case 408 -> Verdict.retry("request timeout (HTTP 408)");
        case 429 -> Verdict.throttled("rate limited (HTTP 429)");
        case 500 -> retryServerError ? Verdict.retry("server error (HTTP 500)")
            : Verdict.reject(FailureType.TRANSIENT_ERROR, "server error (HTTP 500)");
        case 502, 503, 504 -> Verdict.retry("server unavailable (HTTP " + status + ")");
        default -> status >= 500
            ? Verdict.reject(FailureType.TRANSIENT_ERROR, "server error (HTTP " + status + ")")
            : Verdict.reject(FailureType.SYSTEM_ERROR, "request rejected (HTTP " + status + ")");
      };
    };
  }

  /** {@link #standard(boolean)} configured from a retry policy. */
  static ResponseClassifier standard(RetryPolicy policy) {
    return standard(policy.retryServerError());
  }

  /** This classifier with {@code rules} consulted first, in order. */
  default ResponseClassifier with(ResponseRule... rules) {
    List<ResponseRule> ordered = new ArrayList<>(List.of(rules));
    ResponseClassifier fallback = this;
    return response -> {
      for (ResponseRule rule : ordered) {
        Optional<Verdict> verdict = rule.apply(response);
        if (verdict.isPresent()) {
          return verdict.get();
        }
      }
      return fallback.classify(response);
    };
  }
}
