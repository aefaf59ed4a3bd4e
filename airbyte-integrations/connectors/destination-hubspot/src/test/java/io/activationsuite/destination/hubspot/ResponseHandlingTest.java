package io.activationsuite.destination.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.activationsuite.protocol.errors.ConfigErrorException;
import io.activationsuite.protocol.errors.TransientErrorException;
import io.activationsuite.sink.api.BatchRejectedException;
import io.activationsuite.sink.api.RejectionReason;
import io.activationsuite.sink.http.ApiResponse;
import io.activationsuite.sink.http.retry.ResponseClassifier;
import io.activationsuite.sink.http.retry.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Set;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

class ResponseHandlingTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static HubSpotResponse response(int status, String body) throws Exception {
    return new HubSpotResponse(status, MAPPER.readTree(body.replace('\'', '"')));
  }

  private static ApiResponse api(int status, String body) {
    return new ApiResponse("POST", "/crm/v3/objects/contacts/batch/upsert", status, Headers.of(),
        body.getBytes(StandardCharsets.UTF_8), null);
  }

  @Test
  void wholeBatchRefusalsAreHandedToTheEngineToNarrowDown() {
    assertThatThrownBy(() -> ResponseErrors.requireBatchResults(
        response(409, "{'message':'Contact already exists. Existing ID: 5'}"), "create contacts"))
        .isInstanceOfSatisfying(BatchRejectedException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(409);
          assertThat(e.reason()).isEqualTo(RejectionReason.DUPLICATE_KEY);
          assertThat(e.getMessage()).contains("Existing ID");
        });
    assertThatThrownBy(() -> ResponseErrors.requireBatchResults(response(400,
        "{'message':'bad','category':'VALIDATION_ERROR','errors':[{'code':'PROPERTY_DOESNT_EXIST'}]}"), "x"))
        .isInstanceOfSatisfying(BatchRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(RejectionReason.UNKNOWN_FIELD));
  }

  @Test
  void forbiddenNamesTheMissingScopesAndServerFailuresAreTransient() {
    assertThatThrownBy(() -> ResponseErrors.requireBatchResults(response(403, "{'message':'no','errors':"
        + "[{'message':'m','context':{'requiredGranularScopes':['crm.objects.deals.write']}}]}"), "upsert deals"))
        .isInstanceOf(ConfigErrorException.class).hasMessageContaining("crm.objects.deals.write");
    assertThatThrownBy(() -> ResponseErrors.requireBatchResults(response(502, "{}"), "upsert deals"))
        .isInstanceOf(TransientErrorException.class);
  }

  @Test
  void classifierRetriesLocksAndServerErrorsThrottles429AndStopsOnTheDailyPolicy() {
    ResponseClassifier classifier = HubSpotApiClients.classifier(Clock.systemUTC());

    assertThat(classifier.classify(api(207, "{}"))).isInstanceOf(Verdict.Accept.class);
    assertThat(classifier.classify(api(400, "{}"))).isInstanceOf(Verdict.Accept.class);
    assertThat(classifier.classify(api(403, "{}"))).isInstanceOf(Verdict.Accept.class);
    assertThat(classifier.classify(api(401, "{}"))).isInstanceOf(Verdict.RefreshAuth.class);
    assertThat(classifier.classify(api(423, "{}"))).isInstanceOf(Verdict.Retry.class);
    assertThat(classifier.classify(api(503, "{}"))).isInstanceOf(Verdict.Retry.class);
    assertThat(classifier.classify(api(429, "{\"policyName\":\"TEN_SECONDLY_ROLLING\"}")))
        .isInstanceOf(Verdict.Throttled.class);
    assertThat(classifier.classify(api(429, "{\"policyName\":\"DAILY\"}"))).isInstanceOf(Verdict.QuotaExhausted.class);
  }

  @Test
  void bothNamesOfTheTenSecondPolicyThrottleForTheTenSecondWindow() {
    ResponseClassifier classifier = HubSpotApiClients.classifier(Clock.systemUTC());
    String current = "{\"status\":\"error\",\"message\":\"You have reached your ten_secondly_rolling limit.\","
        + "\"errorType\":\"RATE_LIMIT\",\"policyName\":\"TEN_SECONDLY_ROLLING\"}";
    String older = "{\"status\":\"error\",\"message\":\"You have reached your secondly limit.\","
        + "\"errorType\":\"RATE_LIMIT\",\"policyName\":\"SECONDLY\"}";

    Verdict now = classifier.classify(api(429, current));
    Verdict before = classifier.classify(api(429, older));

    assertThat(now).isEqualTo(before).isInstanceOf(Verdict.Throttled.class);
    assertThat(((Verdict.Throttled) now).reason()).contains("10-second rolling limit");
  }

  @Test
  void scopeCheckSaysWhichScopeEachObjectLacks() {
    var problems = ScopeCheck.missing(Set.of("crm.objects.contacts.write"), HubSpotObjectType.STANDARD.subList(0, 2));

    assertThat(problems).hasSize(2);
    assertThat(problems.get(0)).isEqualTo("writing companies needs the scope crm.objects.companies.write");
    assertThat(problems.get(1)).contains("reading the companies properties");
  }
}
