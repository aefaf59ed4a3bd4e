package io.activationsuite.sandbox.salesforce;

import static io.activationsuite.sandbox.salesforce.SfHttp.V;
import static io.activationsuite.sandbox.salesforce.SfHttp.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.FaultConfig;
import io.activationsuite.sandbox.ManualClock;
import io.activationsuite.sandbox.junit.SandboxTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@SandboxTest(value = "salesforce", manualClock = true, properties = "salesforce.bulkProfile=instant")
class SalesforceAuthAndDiscoveryHttpTest {

  private static Map<String, String> refresh(String secret, String refreshToken) {
    return Map.of("grant_type", "refresh_token", "client_id", SalesforceSettings.DEFAULT_CLIENT_ID,
        "client_secret", secret, "refresh_token", refreshToken);
  }

  @Test
  void refreshTokenGrantReturnsTokenWithInstanceUrlOfTheEmulator(EmulatorServer sf) {
    HttpResponse<String> response = new SfHttp(sf).form("/services/oauth2/token",
        refresh(SalesforceSettings.DEFAULT_CLIENT_SECRET, SalesforceSettings.DEFAULT_REFRESH_TOKEN));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode token = body(response);
    assertThat(token.get("instance_url").asText()).isEqualTo(sf.baseUrl().toString());
    assertThat(token.get("token_type").asText()).isEqualTo("Bearer");
    assertThat(token.get("id").asText()).startsWith(sf.baseUrl() + "/id/00D");
    assertThat(token.get("issued_at").asText()).matches("\\d{13}");
    assertThat(token.get("signature").asText()).isNotBlank();
    assertThat(token.get("access_token").asText()).startsWith("00D");
  }

  @Test
  void clientCredentialsGrantWorks(EmulatorServer sf) {
    HttpResponse<String> response = new SfHttp(sf).form("/services/oauth2/token", Map.of(
        "grant_type", "client_credentials", "client_id", SalesforceSettings.DEFAULT_CLIENT_ID,
        "client_secret", SalesforceSettings.DEFAULT_CLIENT_SECRET));

    assertThat(response.statusCode()).isEqualTo(200);
    String token = body(response).get("access_token").asText();
    assertThat(new SfHttp(sf).token(token).get(V + "/sobjects").statusCode()).isEqualTo(200);
  }

  @Test
  void tokenErrorsHaveSalesforceShapes(EmulatorServer sf) {
    SfHttp http = new SfHttp(sf);
    HttpResponse<String> badSecret = http.form("/services/oauth2/token",
        refresh("wrong", SalesforceSettings.DEFAULT_REFRESH_TOKEN));
    HttpResponse<String> badToken = http.form("/services/oauth2/token",
        refresh(SalesforceSettings.DEFAULT_CLIENT_SECRET, "nope"));
    HttpResponse<String> badClient = http.form("/services/oauth2/token", Map.of("grant_type", "refresh_token",
        "client_id", "unknown", "client_secret", "x", "refresh_token", "y"));

    assertThat(badSecret.statusCode()).isEqualTo(400);
    assertThat(body(badSecret).get("error").asText()).isEqualTo("invalid_client");
    assertThat(body(badSecret).get("error_description").asText()).isEqualTo("invalid client credentials");
    assertThat(badToken.statusCode()).isEqualTo(400);
    assertThat(body(badToken).get("error").asText()).isEqualTo("invalid_grant");
    assertThat(body(badToken).get("error_description").asText()).isEqualTo("expired access/refresh token");
    assertThat(body(badClient).get("error").asText()).isEqualTo("invalid_client_id");
    assertThat(badSecret.body()).doesNotContain("wrong");
  }

  @Test
  void revokedRefreshTokenNoLongerWorks(EmulatorServer sf, SalesforceEmulator emulator) {
    emulator.org().auth().revokeRefreshToken(SalesforceSettings.DEFAULT_REFRESH_TOKEN);

    HttpResponse<String> response = new SfHttp(sf).form("/services/oauth2/token",
        refresh(SalesforceSettings.DEFAULT_CLIENT_SECRET, SalesforceSettings.DEFAULT_REFRESH_TOKEN));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(body(response).get("error").asText()).isEqualTo("invalid_grant");
  }

  @Test
  void missingOrExpiredSessionGets401InvalidSessionId(EmulatorServer sf, ManualClock clock) {
    SfHttp anonymous = new SfHttp(sf);
    HttpResponse<String> noToken = anonymous.get(V + "/sobjects");
    assertThat(noToken.statusCode()).isEqualTo(401);
    assertThat(body(noToken).get(0).get("errorCode").asText()).isEqualTo("INVALID_SESSION_ID");
    assertThat(body(noToken).get(0).get("message").asText()).isEqualTo("Session expired or invalid");

    SfHttp http = new SfHttp(sf).login();
    assertThat(http.get(V + "/sobjects").statusCode()).isEqualTo(200);
    clock.advance(Duration.ofHours(2));
    assertThat(http.get(V + "/sobjects").statusCode()).isEqualTo(401);
  }

  @Test
  void expiringAllSessionsMidSyncInvalidatesIssuedTokensButRefreshStillWorks(EmulatorServer sf) {
    SfHttp http = new SfHttp(sf).login();
    sf.expireAccessTokens();

    assertThat(http.get(V + "/limits").statusCode()).isEqualTo(401);
    assertThat(http.login().get(V + "/limits").statusCode()).isEqualTo(200);
  }

  @Test
  void tokenLifetimeOverrideFromCoreFaultsApplies(EmulatorServer sf, ManualClock clock) {
    sf.faults().set(FaultConfig.none().withTokenLifetimeSeconds(60L));
    SfHttp http = new SfHttp(sf).login();
    clock.advance(Duration.ofSeconds(61));

    assertThat(http.get(V + "/limits").statusCode()).isEqualTo(401);
  }

  @Test
  void userWithoutApiPermissionGets403ApiDisabled(EmulatorServer sf, SalesforceEmulator emulator) {
    SfHttp http = new SfHttp(sf).login();
    emulator.org().auth().apiEnabled(false);

    HttpResponse<String> response = http.get(V + "/sobjects");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(body(response).get(0).get("errorCode").asText()).isEqualTo("API_DISABLED_FOR_ORG");
  }

  @Test
  void versionsAreListedWithoutAuthAndAnyServedVersionWorks(EmulatorServer sf) {
    HttpResponse<String> versions = new SfHttp(sf).get("/services/data");
    assertThat(versions.statusCode()).isEqualTo(200);
    List<String> listed = new ArrayList<>();
    body(versions).forEach(v -> listed.add(v.get("version").asText()));
    assertThat(listed).contains("62.0", "67.0");

    SfHttp http = new SfHttp(sf).login();
    assertThat(http.get("/services/data/v67.0/sobjects").statusCode()).isEqualTo(200);
    assertThat(http.get("/services/data/v62.0/sobjects/Account/describe").statusCode()).isEqualTo(200);
    assertThat(http.get("/services/data/v99.0/sobjects").statusCode()).isEqualTo(404);
  }

  @Test
  void describeGlobalListsWritableAndReadOnlyObjects(EmulatorServer sf) {
    HttpResponse<String> response = new SfHttp(sf).login().get(V + "/sobjects");

    JsonNode root = body(response);
    assertThat(root.get("encoding").asText()).isEqualTo("UTF-8");
    assertThat(root.get("maxBatchSize").asInt()).isEqualTo(200);
    Map<String, JsonNode> byName = new java.util.HashMap<>();
    root.get("sobjects").forEach(o -> byName.put(o.get("name").asText(), o));
    assertThat(byName).containsKeys("Account", "Contact", "Lead", "Opportunity", "Customer_Health__c",
        "UserLicense");
    assertThat(byName.get("Customer_Health__c").get("custom").asBoolean()).isTrue();
    assertThat(byName.get("UserLicense").get("createable").asBoolean()).isFalse();
    assertThat(byName.get("UserLicense").get("queryable").asBoolean()).isTrue();
    assertThat(byName.get("Account").get("urls").get("describe").asText())
        .isEqualTo(V + "/sobjects/Account/describe");
    assertThat(response.headers().firstValue("Sforce-Limit-Info")).hasValueSatisfying(v ->
        assertThat(v).matches("api-usage=\\d+/100000"));
  }

  @Test
  void describeReportsFieldMetadata(EmulatorServer sf) {
    JsonNode contact = body(new SfHttp(sf).login().get(V + "/sobjects/Contact/describe"));
    Map<String, JsonNode> fields = new java.util.HashMap<>();
    contact.get("fields").forEach(f -> fields.put(f.get("name").asText(), f));

    JsonNode lastName = fields.get("LastName");
    assertThat(lastName.get("type").asText()).isEqualTo("string");
    assertThat(lastName.get("length").asInt()).isEqualTo(80);
    assertThat(lastName.get("nillable").asBoolean()).isFalse();
    assertThat(lastName.get("defaultedOnCreate").asBoolean()).isFalse();
    JsonNode external = fields.get("External_Id__c");
    assertThat(external.get("externalId").asBoolean()).isTrue();
    assertThat(external.get("idLookup").asBoolean()).isTrue();
    assertThat(external.get("unique").asBoolean()).isTrue();
    assertThat(fields.get("Id").get("type").asText()).isEqualTo("id");
    assertThat(fields.get("Id").get("createable").asBoolean()).isFalse();
    assertThat(fields.get("AccountId").get("referenceTo").get(0).asText()).isEqualTo("Account");
    assertThat(fields.get("AccountId").get("relationshipName").asText()).isEqualTo("Account");
    assertThat(fields.get("LeadSource").get("picklistValues").get(0).get("value").asText()).isEqualTo("Web");
    assertThat(fields.get("Email").get("type").asText()).isEqualTo("email");
    assertThat(fields.get("Birthdate").get("type").asText()).isEqualTo("date");
    assertThat(fields.get("HasOptedOutOfEmail").get("type").asText()).isEqualTo("boolean");

    JsonNode health = body(new SfHttp(sf).login().get(V + "/sobjects/customer_health__c/describe"));
    List<String> types = new ArrayList<>();
    health.get("fields").forEach(f -> types.add(f.get("type").asText()));
    assertThat(types).contains("double", "percent", "int", "picklist", "multipicklist", "boolean", "date",
        "datetime", "email", "textarea", "reference");
  }

  @Test
  void unknownObjectIs404NotFound(EmulatorServer sf) {
    HttpResponse<String> response = new SfHttp(sf).login().get(V + "/sobjects/Nope__c/describe");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(body(response).get(0).get("errorCode").asText()).isEqualTo("NOT_FOUND");
  }

  @Test
  void dailyAllocationIsCountedAndEnforced(EmulatorServer sf, SalesforceEmulator emulator) {
    emulator.dailyApiRequests(3);
    SfHttp http = new SfHttp(sf).login();

    assertThat(http.get(V + "/limits").headers().firstValue("Sforce-Limit-Info")).hasValue("api-usage=1/3");
    JsonNode limits = body(http.get(V + "/limits"));
    assertThat(limits.get("DailyApiRequests").get("Max").asLong()).isEqualTo(3);
    assertThat(limits.get("DailyApiRequests").get("Remaining").asLong()).isEqualTo(1);
    assertThat(limits.has("DailyBulkApiBatches")).isTrue();
    assertThat(http.get(V + "/limits").statusCode()).isEqualTo(200);

    HttpResponse<String> over = http.get(V + "/limits");
    assertThat(over.statusCode()).isEqualTo(403);
    assertThat(body(over).get(0).get("errorCode").asText()).isEqualTo("REQUEST_LIMIT_EXCEEDED");
    assertThat(body(over).get(0).get("message").asText()).isEqualTo("TotalRequests Limit exceeded.");
    assertThat(over.headers().firstValue("Sforce-Limit-Info")).hasValue("api-usage=3/3");
  }

  @Test
  void dailyAllocationRollsAfter24Hours(EmulatorServer sf, SalesforceEmulator emulator, ManualClock clock) {
    emulator.dailyApiRequests(1);
    SfHttp http = new SfHttp(sf).login();
    http.get(V + "/limits");
    assertThat(http.get(V + "/limits").statusCode()).isEqualTo(403);

    clock.advance(Duration.ofHours(24));

    assertThat(http.login().get(V + "/limits").statusCode()).isEqualTo(200);
  }

  @Test
  void injectedServerErrorsAndThrottlingUseSalesforceShapes(EmulatorServer sf) {
    SfHttp http = new SfHttp(sf).login();
    sf.faults().failNext(1, 503);
    HttpResponse<String> error = http.get(V + "/limits");
    sf.faults().throttleNext(1);
    HttpResponse<String> throttled = http.get(V + "/limits");

    assertThat(error.statusCode()).isEqualTo(503);
    assertThat(body(error).get(0).get("errorCode").asText()).isEqualTo("SERVER_UNAVAILABLE");
    assertThat(throttled.statusCode()).isEqualTo(403);
    assertThat(body(throttled).get(0).get("errorCode").asText()).isEqualTo("REQUEST_LIMIT_EXCEEDED");
  }
}
