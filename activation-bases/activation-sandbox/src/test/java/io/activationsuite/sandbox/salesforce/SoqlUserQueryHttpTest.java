package io.activationsuite.sandbox.salesforce;

import static io.activationsuite.sandbox.salesforce.SfHttp.V;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.Json;
import io.activationsuite.sandbox.junit.SandboxTest;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SOQL on User through the REST query resource, and OwnerId checked against the org's users. */
@SandboxTest("salesforce")
class SoqlUserQueryHttpTest {

  private static JsonNode body(HttpResponse<String> response) {
    return Json.parse(response.body().getBytes(StandardCharsets.UTF_8));
  }

  private static String query(String soql) {
    return V + "/query?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8);
  }

  @Test
  void givenEmailsInAnyCase_whenQueriedForActiveUsers_thenOnlyActiveMatchesAreReturnedWithTheirAttributes(
      EmulatorServer sf) {
    HttpResponse<String> response = new SfHttp(sf).login().get(query("SELECT Id, Email FROM User WHERE "
        + "IsActive = true AND Email IN ('ALICE@example.com', 'erin@example.com', 'o\\'brien@example.com')"));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode answer = body(response);
    assertThat(answer.path("totalSize").asInt()).isEqualTo(1);
    assertThat(answer.path("done").asBoolean()).isTrue();
    JsonNode alice = answer.path("records").get(0);
    assertThat(alice.path("Id").asText()).isEqualTo(UserDirectory.id(2));
    assertThat(alice.path("Email").asText()).isEqualTo("alice@example.com");
    assertThat(alice.path("attributes").path("type").asText()).isEqualTo("User");
    assertThat(alice.has("Name")).isFalse();
  }

  @Test
  void givenQueryOutsideTheSubset_whenSent_thenMalformedQueryOrInvalidFieldErrors(EmulatorServer sf) {
    SfHttp http = new SfHttp(sf).login();
    HttpResponse<String> malformed = http.get(query("SELECT Id FROM User WHERE Email LIKE 'a%'"));
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(body(malformed).get(0).path("errorCode").asText()).isEqualTo("MALFORMED_QUERY");

    HttpResponse<String> unknownField = http.get(query("SELECT Id, Mail FROM User"));
    assertThat(unknownField.statusCode()).isEqualTo(400);
    assertThat(body(unknownField).get(0).path("errorCode").asText()).isEqualTo("INVALID_FIELD");
  }

  @Test
  void givenOwnerIdOfNoUser_whenContactCreated_thenInvalidCrossReferenceKey(EmulatorServer sf) {
    String noUser = SalesforceIds.to18("0058s0000009999");
    HttpResponse<String> response = new SfHttp(sf).login().json("POST", V + "/composite/sobjects", Map.of(
        "allOrNone", false, "records", List.of(
            Map.of("attributes", Map.of("type", "Contact"), "LastName", "A", "OwnerId", noUser),
            Map.of("attributes", Map.of("type", "Contact"), "LastName", "B", "OwnerId", UserDirectory.id(3)))));

    JsonNode results = body(response);
    assertThat(results.get(0).path("success").asBoolean()).isFalse();
    assertThat(results.get(0).path("errors").get(0).path("statusCode").asText())
        .isEqualTo("INVALID_CROSS_REFERENCE_KEY");
    assertThat(results.get(1).path("success").asBoolean()).isTrue();
  }
}
