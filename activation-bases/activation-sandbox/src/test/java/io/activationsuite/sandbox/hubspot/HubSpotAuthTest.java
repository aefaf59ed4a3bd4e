package io.activationsuite.sandbox.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.ManualClock;
import io.activationsuite.sandbox.SandboxOptions;
import io.activationsuite.sandbox.TestHttp;
import io.activationsuite.sandbox.junit.SandboxTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

@SandboxTest(value = "hubspot", manualClock = true)
class HubSpotAuthTest {

  private static final String REFRESH_FORM = "grant_type=refresh_token&client_id=sandbox-client-id"
      + "&client_secret=sandbox-client-secret&refresh_token=sandbox-refresh-token";

  private final EmulatorServer hubspot;
  private final ManualClock clock;

  HubSpotAuthTest(EmulatorServer hubspot, ManualClock clock) {
    this.hubspot = hubspot;
    this.clock = clock;
  }

  private String accessToken() {
    HttpResponse<String> r = TestHttp.form(hubspot.url("/oauth/v1/token"), REFRESH_FORM);
    assertThat(r.statusCode()).isEqualTo(200);
    return TestHttp.json(r).path("access_token").asText();
  }

  private HttpResponse<String> readProperties(String token) {
    return TestHttp.get(hubspot.url("/crm/v3/properties/contacts"), token);
  }

  @Test
  void givenNoOrUnknownToken_then401InvalidAuthentication() {
    HttpResponse<String> none = readProperties(null);
    HttpResponse<String> unknown = readProperties("pat-na1-wrong");

    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(TestHttp.json(none).path("category").asText()).isEqualTo("INVALID_AUTHENTICATION");
    assertThat(unknown.statusCode()).isEqualTo(401);
    assertThat(TestHttp.json(unknown).path("category").asText()).isEqualTo("INVALID_AUTHENTICATION");
    assertThat(unknown.body()).doesNotContain("pat-na1-wrong");
  }

  @Test
  void givenRefreshToken_whenTokenRequested_thenAccessTokenWorksUntilItExpires() {
    HttpResponse<String> tokenResponse = TestHttp.form(hubspot.url("/oauth/v1/token"), REFRESH_FORM);
    JsonNode token = TestHttp.json(tokenResponse);
    assertThat(token.path("token_type").asText()).isEqualTo("bearer");
    assertThat(token.path("expires_in").asLong()).isEqualTo(1800);
    assertThat(token.path("refresh_token").asText()).isEqualTo("sandbox-refresh-token");
    String access = token.path("access_token").asText();

    HttpResponse<String> ok = readProperties(access);
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.headers().firstValue("X-HubSpot-RateLimit-Daily")).isEmpty();
    assertThat(ok.headers().firstValue("X-HubSpot-RateLimit-Max")).isPresent();

    clock.advance(Duration.ofSeconds(1800));
    HttpResponse<String> expired = readProperties(access);
    assertThat(expired.statusCode()).isEqualTo(401);
    assertThat(TestHttp.json(expired).path("category").asText()).isEqualTo("EXPIRED_AUTHENTICATION");
  }

  @Test
  void givenBadClientSecretOrRefreshToken_then400WithOauthStatus() {
    HttpResponse<String> badSecret = TestHttp.form(hubspot.url("/oauth/v1/token"),
        REFRESH_FORM.replace("sandbox-client-secret", "nope"));
    HttpResponse<String> badRefresh = TestHttp.form(hubspot.url("/oauth/v1/token"),
        REFRESH_FORM.replace("sandbox-refresh-token", "nope"));

    assertThat(badSecret.statusCode()).isEqualTo(400);
    assertThat(TestHttp.json(badSecret).path("status").asText()).isEqualTo("BAD_CLIENT_SECRET");
    assertThat(TestHttp.json(badRefresh).path("status").asText()).isEqualTo("BAD_REFRESH_TOKEN");
  }

  @Test
  void givenTokenLifetimeFaultAndExpireNow_thenTokensExpireAsConfigured() {
    hubspot.faults().update(c -> c.withTokenLifetimeSeconds(60L));
    HttpResponse<String> r = TestHttp.form(hubspot.url("/oauth/v1/token"), REFRESH_FORM);
    assertThat(TestHttp.json(r).path("expires_in").asLong()).isEqualTo(60);
    String access = TestHttp.json(r).path("access_token").asText();
    assertThat(readProperties(access).statusCode()).isEqualTo(200);

    TestHttp.post(hubspot.url("/__sandbox/tokens/expire"), null, "");

    assertThat(readProperties(access).statusCode()).isEqualTo(401);
    assertThat(readProperties(accessToken()).statusCode()).isEqualTo(200);
  }

  @Test
  void givenAccessToken_whenIntrospected_thenScopesHubAndRemainingLifetime() {
    String access = accessToken();
    clock.advance(Duration.ofSeconds(100));

    HttpResponse<String> r = TestHttp.get(hubspot.url("/oauth/v1/access-tokens/" + access), null);

    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode info = TestHttp.json(r);
    assertThat(info.path("hub_id").asLong()).isEqualTo(HubSpotSettings.DEFAULT_HUB_ID);
    assertThat(info.path("expires_in").asLong()).isEqualTo(1700);
    assertThat(info.path("token_type").asText()).isEqualTo("access");
    assertThat(info.path("scopes").toString()).contains("crm.objects.contacts.write");
    assertThat(TestHttp.get(hubspot.url("/oauth/v1/access-tokens/unknown"), null).statusCode()).isEqualTo(404);
  }

  @Test
  void givenPrivateAppToken_whenInfoRequested_thenScopesAndHubId() {
    HttpResponse<String> r = TestHttp.post(hubspot.url("/oauth/v2/private-apps/get/access-token-info"), null,
        "{\"tokenKey\":\"" + HubSpotSettings.DEFAULT_PRIVATE_APP_TOKEN + "\"}");
    HttpResponse<String> wrong = TestHttp.post(hubspot.url("/oauth/v2/private-apps/get/access-token-info"), null,
        "{\"tokenKey\":\"pat-na1-wrong\"}");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(TestHttp.json(r).path("hubId").asLong()).isEqualTo(HubSpotSettings.DEFAULT_HUB_ID);
    assertThat(TestHttp.json(r).path("scopes").toString()).contains("crm.objects.custom.write");
    assertThat(wrong.statusCode()).isEqualTo(401);
  }

  @Test
  void givenAppWithoutWriteScope_whenWriting_then403MissingScopesButReadsWork() {
    HubSpotSettings readOnly = HubSpotSettings.defaults()
        .withPrivateAppScopes(Set.of("crm.objects.contacts.read"));
    try (EmulatorServer server = EmulatorServer.start(new HubSpotEmulator(readOnly), SandboxOptions.defaults())) {
      HttpResponse<String> write = TestHttp.post(server.url("/crm/v3/objects/contacts/batch/create"),
          readOnly.privateAppToken(), "{\"inputs\":[]}");
      HttpResponse<String> read = TestHttp.get(server.url("/crm/v3/properties/contacts"), readOnly.privateAppToken());

      assertThat(write.statusCode()).isEqualTo(403);
      JsonNode body = TestHttp.json(write);
      assertThat(body.path("category").asText()).isEqualTo("MISSING_SCOPES");
      assertThat(body.at("/context/requiredScopes/0").asText()).isEqualTo("crm.objects.contacts.write");
      assertThat(body.at("/errors/0/context/requiredGranularScopes/0").asText())
          .isEqualTo("crm.objects.contacts.write");
      assertThat(read.statusCode()).isEqualTo(200);
    }
  }
}
