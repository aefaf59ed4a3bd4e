package io.activationsuite.sandbox.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.ManualClock;
import io.activationsuite.sandbox.junit.SandboxTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@SandboxTest(value = "zendesk", manualClock = true)
class ZendeskAuthHttpTest {

  private static final String CLIENT = "\"client_id\":\"sandbox-zendesk-client\","
      + "\"client_secret\":\"sandbox-zendesk-secret\"";

  private final EmulatorServer server;
  private final ManualClock clock;

  ZendeskAuthHttpTest(EmulatorServer server, ManualClock clock) {
    this.server = server;
    this.clock = clock;
  }

  private JsonNode refresh(String refreshToken) {
    HttpResponse<String> r = ZdHttp.token(server, "{\"grant_type\":\"refresh_token\"," + CLIENT
        + ",\"refresh_token\":\"" + refreshToken + "\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return ZdHttp.json(r);
  }

  @Test
  void aRefreshRotatesThePairAndRevokesTheOldOne() {
    JsonNode first = refresh("sandbox-zendesk-refresh-0001");
    String access = first.path("access_token").asText();
    assertThat(first.path("refresh_token").asText()).startsWith("zd-refresh-");
    assertThat(ZdHttp.bearer(server, access).get("/api/v2/users/me.json").statusCode()).isEqualTo(200);

    HttpResponse<String> reused = ZdHttp.token(server, "{\"grant_type\":\"refresh_token\"," + CLIENT
        + ",\"refresh_token\":\"sandbox-zendesk-refresh-0001\"}");
    assertThat(reused.statusCode()).isEqualTo(400);
    assertThat(ZdHttp.json(reused).path("error").asText()).isEqualTo("invalid_grant");

    JsonNode second = refresh(first.path("refresh_token").asText());
    assertThat(second.path("refresh_token").asText()).isNotEqualTo(first.path("refresh_token").asText());
    assertThat(ZdHttp.bearer(server, access).get("/api/v2/users/me.json").statusCode()).isEqualTo(401);
    assertThat(ZdHttp.bearer(server, second.path("access_token").asText()).get("/api/v2/users/me.json")
        .statusCode()).isEqualTo(200);
  }

  @Test
  void accessTokensExpire() {
    JsonNode token = refresh("sandbox-zendesk-refresh-0001");
    ZdHttp http = ZdHttp.bearer(server, token.path("access_token").asText());
    clock.advance(Duration.ofSeconds(token.path("expires_in").asLong()));

    HttpResponse<String> expired = http.get("/api/v2/users/me.json");
    assertThat(expired.statusCode()).isEqualTo(401);
    assertThat(ZdHttp.json(expired).path("error").asText()).isEqualTo("invalid_token");
  }

  @Test
  void clientCredentialsGrantsOnlyAllowedScopes() {
    HttpResponse<String> ok = ZdHttp.token(server, "{\"grant_type\":\"client_credentials\"," + CLIENT
        + ",\"scope\":\"read\"}");
    HttpResponse<String> tooMuch = ZdHttp.token(server, "{\"grant_type\":\"client_credentials\"," + CLIENT
        + ",\"scope\":\"read impersonate\"}");
    HttpResponse<String> badClient = ZdHttp.token(server, "{\"grant_type\":\"client_credentials\","
        + "\"client_id\":\"x\",\"client_secret\":\"y\"}");

    assertThat(ZdHttp.json(ok).has("refresh_token")).isFalse();
    assertThat(ZdHttp.json(tooMuch).path("error").asText()).isEqualTo("invalid_scope");
    assertThat(badClient.statusCode()).isEqualTo(401);
    ZdHttp readOnly = ZdHttp.bearer(server, ZdHttp.json(ok).path("access_token").asText());
    assertThat(readOnly.get("/api/v2/user_fields.json").statusCode()).isEqualTo(200);
    HttpResponse<String> write = readOnly.post("/api/v2/users/create_many.json", "{\"users\":[]}");
    assertThat(write.statusCode()).isEqualTo(403);
    assertThat(ZdHttp.json(write).path("description").asText()).contains("users:write");
    JsonNode current = ZdHttp.json(readOnly.get("/api/v2/oauth/tokens/current.json"));
    assertThat(current.path("token").path("scopes").get(0).asText()).isEqualTo("read");
  }

  @Test
  void resourceScopedWriteIsEnough() {
    HttpResponse<String> ok = ZdHttp.token(server, "{\"grant_type\":\"client_credentials\"," + CLIENT
        + ",\"scope\":\"read\"}");
    assertThat(ok.statusCode()).isEqualTo(200);
    ZdHttp apiToken = ZdHttp.apiToken(server);
    assertThat(apiToken.get("/api/v2/users/me.json").statusCode()).isEqualTo(200);
    assertThat(ZdHttp.bearer(server, "nope").get("/api/v2/users/me.json").statusCode()).isEqualTo(401);
    assertThat(ZdHttp.bearer(server, null).get("/api/v2/users/me.json").statusCode()).isEqualTo(401);
  }

  @Test
  void theMinuteBudgetAnswers429WithRetryAfterAndHeaders() {
    server.faults().update(c -> c.withRateLimit(3, null));
    ZdHttp http = ZdHttp.apiToken(server);
    HttpResponse<String> first = http.get("/api/v2/users/me.json");
    http.get("/api/v2/users/me.json");
    http.get("/api/v2/users/me.json");
    HttpResponse<String> over = http.get("/api/v2/users/me.json");

    assertThat(first.headers().firstValue("X-Rate-Limit")).hasValue("3");
    assertThat(first.headers().firstValue("X-Rate-Limit-Remaining")).hasValue("2");
    assertThat(first.headers().firstValue("ratelimit-reset")).isPresent();
    assertThat(over.statusCode()).isEqualTo(429);
    assertThat(over.headers().firstValue("Retry-After")).hasValue("60");
    clock.advance(Duration.ofSeconds(60));
    assertThat(http.get("/api/v2/users/me.json").statusCode()).isEqualTo(200);
  }

  @Test
  void theDefaultPlanIsEnterpriseAt700RequestsPerMinute() {
    HttpResponse<String> r = ZdHttp.apiToken(server).get("/api/v2/users/me.json");
    assertThat(r.headers().firstValue("X-Rate-Limit")).hasValue("700");
  }
}
