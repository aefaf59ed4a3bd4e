package io.activationsuite.destination.salesforce.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.activationsuite.sink.http.ApiResponse;
import io.activationsuite.sink.http.retry.ResponseClassifier;
import io.activationsuite.sink.http.retry.Verdict;
import java.nio.charset.StandardCharsets;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

class SalesforceRulesTest {
  private final ResponseClassifier classifier = SalesforceRules.classifier();

  private static ApiResponse answer(int status, String code, String message) {
    String body = code == null ? "" : "[{\"errorCode\":\"" + code + "\",\"message\":\"" + message + "\"}]";
    return new ApiResponse("POST", "/services/data/v64.0/composite/sobjects", status, Headers.of(),
        body.getBytes(StandardCharsets.UTF_8), null);
  }

  @Test
  void anInvalidSessionRefreshesTheToken() {
    assertThat(classifier.classify(answer(401, "INVALID_SESSION_ID", "Session expired or invalid")))
        .isInstanceOf(Verdict.RefreshAuth.class);
  }

  @Test
  void theRequestLimitIsAQuotaAndTheConcurrentLimitAThrottle() {
    assertThat(classifier.classify(answer(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.")))
        .isInstanceOf(Verdict.QuotaExhausted.class);
    assertThat(classifier.classify(answer(403, "REQUEST_LIMIT_EXCEEDED", "ConcurrentRequests Limit exceeded.")))
        .isInstanceOf(Verdict.Throttled.class);
  }

  @Test
  void serverErrorsAreRetriedAndClientErrorsGoBackToTheCaller() {
    assertThat(classifier.classify(answer(503, "SERVER_UNAVAILABLE", "retry"))).isInstanceOf(Verdict.Retry.class);
    assertThat(classifier.classify(answer(500, "UNKNOWN_EXCEPTION", "x"))).isInstanceOf(Verdict.Retry.class);
    assertThat(classifier.classify(answer(400, "INVALID_FIELD", "No such column"))).isInstanceOf(Verdict.Accept.class);
    assertThat(classifier.classify(answer(403, "API_DISABLED_FOR_ORG", "off"))).isInstanceOf(Verdict.Accept.class);
    assertThat(classifier.classify(answer(404, "NOT_FOUND", "none"))).isInstanceOf(Verdict.Accept.class);
    assertThat(classifier.classify(answer(429, null, null))).isInstanceOf(Verdict.Throttled.class);
  }
}
