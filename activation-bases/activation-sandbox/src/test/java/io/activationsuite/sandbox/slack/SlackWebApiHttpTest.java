package io.activationsuite.sandbox.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.ManualClock;
import io.activationsuite.sandbox.TestHttp;
import io.activationsuite.sandbox.junit.SandboxTest;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@SandboxTest(value = "slack", manualClock = true)
class SlackWebApiHttpTest {

  private static final String TOKEN = SlackSettings.DEFAULT_BOT_TOKEN;

  private final EmulatorServer slack;
  private final ManualClock clock;

  SlackWebApiHttpTest(EmulatorServer slack, ManualClock clock) {
    this.slack = slack;
    this.clock = clock;
  }

  private JsonNode call(String method, String json) {
    HttpResponse<String> r = TestHttp.post(slack.url("/api/" + method), TOKEN, json);
    assertThat(r.statusCode()).isEqualTo(200);
    return TestHttp.json(r);
  }

  private JsonNode post(String channel, String text) {
    return call("chat.postMessage", "{\"channel\":\"" + channel + "\",\"text\":\"" + text + "\"}");
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void authTestAnswersTheBotIdentityAndGrantedScopesHeader() {
    HttpResponse<String> r = TestHttp.post(slack.url("/api/auth.test"), TOKEN, "{}");

    JsonNode body = TestHttp.json(r);
    assertThat(body.path("ok").asBoolean()).isTrue();
    assertThat(body.path("user_id").asText()).isEqualTo("U0BOTUSER01");
    assertThat(body.path("team_id").asText()).isEqualTo("T0SANDBOX01");
    assertThat(r.headers().firstValue("X-OAuth-Scopes").orElseThrow()).contains("chat:write", "users:read.email");
  }

  @Test
  void missingOrUnknownTokensAreHttp200WithNotAuthedOrInvalidAuth() {
    HttpResponse<String> none = TestHttp.post(slack.url("/api/auth.test"), null, "{}");
    assertThat(none.statusCode()).isEqualTo(200);
    assertThat(TestHttp.json(none).path("error").asText()).isEqualTo("not_authed");
    assertThat(TestHttp.json(TestHttp.post(slack.url("/api/auth.test"), "xoxb-wrong", "{}")).path("error").asText())
        .isEqualTo("invalid_auth");
    HttpResponse<String> formToken = TestHttp.form(slack.url("/api/auth.test"), "token=" + enc(TOKEN));
    assertThat(TestHttp.json(formToken).path("ok").asBoolean()).isTrue();
  }

  @Test
  void postMessageWithJsonBodyIsStoredAndInspectablePerChannel() {
    JsonNode body = call("chat.postMessage", "{\"channel\":\"#finance-alerts\",\"text\":\"Anomaly *ACME*\","
        + "\"unfurl_links\":false,"
        + "\"blocks\":[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"*ACME*\"}}],"
        + "\"metadata\":{\"event_type\":\"billing_anomaly\",\"event_payload\":{\"id\":\"a1\"}}}");

    assertThat(body.path("ok").asBoolean()).isTrue();
    assertThat(body.path("channel").asText()).isEqualTo("C0FINANCE01");
    assertThat(body.path("ts").asText()).matches("\\d+\\.\\d{6}");
    assertThat(body.path("message").path("bot_id").asText()).isEqualTo("B0BOTID0001");
    assertThat(body.has("warning")).as("JSON body without charset is warned about").isTrue();
    JsonNode stored = slack.objects("finance-alerts");
    assertThat(stored).hasSize(1);
    assertThat(stored.get(0).path("text").asText()).isEqualTo("Anomaly *ACME*");
    assertThat(stored.get(0).path("blocks").get(0).path("type").asText()).isEqualTo("section");
    assertThat(stored.get(0).path("metadata").path("event_type").asText()).isEqualTo("billing_anomaly");
    assertThat(slack.objects("C0FINANCE01")).isEqualTo(stored);
  }

  @Test
  void postMessageWithFormBodyTakesBlocksAsJsonTextAndThreadTs() {
    String parent = post("general", "parent").path("ts").asText();
    HttpResponse<String> r = TestHttp.send(TestHttp.builder(slack.url("/api/chat.postMessage"), TOKEN)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("channel=C0GENERAL01&thread_ts=" + parent + "&blocks="
            + enc("[{\"type\":\"divider\"},{\"type\":\"header\",\"text\":{\"type\":\"plain_text\",\"text\":\"Hi\"}}]")))
        .build());

    assertThat(TestHttp.json(r).path("ok").asBoolean()).isTrue();
    JsonNode reply = slack.objects("general").get(1);
    assertThat(reply.path("thread_ts").asText()).isEqualTo(parent);
    assertThat(reply.path("blocks")).hasSize(2);
  }

  @Test
  void everyChannelRefusalHasSlacksCode() {
    assertThat(post("nope", "x").path("error").asText()).isEqualTo("channel_not_found");
    assertThat(post("secret-projects", "x").path("error").asText())
        .as("a private channel the bot is not in is invisible").isEqualTo("channel_not_found");
    assertThat(post("random", "x").path("error").asText()).isEqualTo("not_in_channel");
    assertThat(post("old-announcements", "x").path("error").asText()).isEqualTo("is_archived");
    assertThat(post("leadership", "x").path("ok").asBoolean()).isTrue();
    assertThat(call("chat.postMessage", "{\"channel\":\"general\"}").path("error").asText()).isEqualTo("no_text");
  }

  @Test
  void blockKitLimitsAreEnforced() {
    StringBuilder many = new StringBuilder("[");
    for (int i = 0; i < 51; i++) {
      many.append(i == 0 ? "" : ",").append("{\"type\":\"divider\"}");
    }
    JsonNode tooMany = call("chat.postMessage", "{\"channel\":\"general\",\"blocks\":" + many + "]}");
    assertThat(tooMany.path("error").asText()).isEqualTo("invalid_blocks");
    assertThat(tooMany.path("response_metadata").path("messages").get(0).asText())
        .contains("no more than 50 items allowed");

    String longText = "x".repeat(3_001);
    JsonNode longSection = call("chat.postMessage", "{\"channel\":\"general\",\"blocks\":[{\"type\":\"section\","
        + "\"text\":{\"type\":\"mrkdwn\",\"text\":\"" + longText + "\"}}]}");
    assertThat(longSection.path("error").asText()).isEqualTo("invalid_blocks");
    assertThat(longSection.path("response_metadata").path("messages").get(0).asText())
        .contains("[json-pointer:/blocks/0/text/text]");
    assertThat(call("chat.postMessage", "{\"channel\":\"general\",\"blocks\":{\"type\":\"divider\"}}")
        .path("error").asText()).isEqualTo("invalid_blocks_format");
    assertThat(slack.objects("general")).isEmpty();
  }

  @Test
  void textOver40000IsTruncatedAndFarBeyondIsMsgTooLong() {
    assertThat(post("general", "y".repeat(45_000)).path("ok").asBoolean()).isTrue();
    assertThat(slack.objects("general").get(0).path("text").asText()).hasSize(40_000);
    clock.advance(Duration.ofSeconds(5));
    assertThat(post("general", "y".repeat(150_001)).path("error").asText()).isEqualTo("msg_too_long");
  }

  @Test
  void moreThan100AttachmentsAreRefused() {
    StringBuilder attachments = new StringBuilder("[");
    for (int i = 0; i < 101; i++) {
      attachments.append(i == 0 ? "" : ",").append("{\"text\":\"a\"}");
    }
    assertThat(call("chat.postMessage", "{\"channel\":\"general\",\"attachments\":" + attachments + "]}")
        .path("error").asText()).isEqualTo("too_many_attachments");
  }

  @Test
  void postMessagePacesEachChannelWithABurstAndAnswers429WithRetryAfter() {
    for (int i = 0; i < 4; i++) {
      assertThat(post("general", "m" + i).path("ok").asBoolean()).isTrue();
    }
    HttpResponse<String> limited = TestHttp.post(slack.url("/api/chat.postMessage"), TOKEN,
        "{\"channel\":\"general\",\"text\":\"over\"}");
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).contains("1");
    assertThat(TestHttp.json(limited).path("error").asText()).isEqualTo("ratelimited");
    assertThat(post("sales", "other channel").path("ok").asBoolean()).as("other channels unaffected").isTrue();

    clock.advance(Duration.ofSeconds(1));
    assertThat(post("general", "after").path("ok").asBoolean()).isTrue();
    assertThat(slack.objects("general")).hasSize(5);
  }

  @Test
  void tieredMethodsAllowTheirBudgetPerMinute() {
    for (int i = 0; i < 20; i++) {
      assertThat(call("users.list", "{}").path("ok").asBoolean()).isTrue();
    }
    HttpResponse<String> limited = TestHttp.post(slack.url("/api/users.list"), TOKEN, "{}");
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).contains("60");
    clock.advance(Duration.ofSeconds(60));
    assertThat(call("users.list", "{}").path("ok").asBoolean()).isTrue();
  }

  @Test
  void conversationsListPagesWithCursorsAndHidesPrivateChannelsTheBotIsNotIn() {
    JsonNode first = call("conversations.list", "{\"types\":\"public_channel,private_channel\",\"limit\":3}");
    assertThat(first.path("channels")).hasSize(3);
    String cursor = first.path("response_metadata").path("next_cursor").asText();
    assertThat(cursor).isNotEmpty();
    JsonNode second = call("conversations.list",
        "{\"types\":\"public_channel,private_channel\",\"limit\":10,\"cursor\":\"" + cursor + "\"}");
    assertThat(second.path("response_metadata").path("next_cursor").asText()).isEmpty();
    assertThat(second.findValuesAsText("name")).contains("leadership").doesNotContain("secret-projects");
    assertThat(call("conversations.list", "{\"cursor\":\"bogus!\"}").path("error").asText())
        .isEqualTo("invalid_cursor");
  }

  @Test
  void joinOpensPublicChannelsAndInfoReportsMembership() {
    assertThat(call("conversations.info", "{\"channel\":\"C0RANDOM001\"}").path("channel").path("is_member")
        .asBoolean()).isFalse();
    assertThat(call("conversations.join", "{\"channel\":\"C0RANDOM001\"}").path("channel").path("is_member")
        .asBoolean()).isTrue();
    assertThat(post("random", "now a member").path("ok").asBoolean()).isTrue();
    assertThat(call("conversations.join", "{\"channel\":\"C0RANDOM001\"}").path("warning").asText())
        .isEqualTo("already_in_channel");
    assertThat(call("conversations.join", "{\"channel\":\"G0LEADERS01\"}").path("error").asText())
        .isEqualTo("method_not_supported_for_channel_type");
  }

  @Test
  void directMessagesByEmailLookupAndConversationsOpen() {
    JsonNode user = call("users.lookupByEmail", "{\"email\":\"Carol@Example.com\"}").path("user");
    assertThat(user.path("id").asText()).isEqualTo("U0CAROL0001");
    assertThat(call("users.lookupByEmail", "{\"email\":\"nobody@example.com\"}").path("error").asText())
        .isEqualTo("users_not_found");
    assertThat(call("users.lookupByEmail", "{\"email\":\"erin@example.com\"}").path("error").asText())
        .as("a deactivated account").isEqualTo("users_not_found");

    String dm = call("conversations.open", "{\"users\":\"U0CAROL0001\"}").path("channel").path("id").asText();
    assertThat(dm).startsWith("D");
    assertThat(post(dm, "hello Carol").path("ok").asBoolean()).isTrue();
    assertThat(post("U0CAROL0001", "by user id").path("channel").asText()).isEqualTo(dm);
    assertThat(slack.objects(dm)).hasSize(2);
    assertThat(call("conversations.open", "{\"users\":\"U0NOBODY\"}").path("error").asText())
        .isEqualTo("user_not_found");
  }

  @Test
  void updateAndDeleteFindMessagesByChannelAndTs() {
    String ts = post("general", "v1").path("ts").asText();
    JsonNode updated = call("chat.update", "{\"channel\":\"C0GENERAL01\",\"ts\":\"" + ts + "\",\"text\":\"v2\"}");
    assertThat(updated.path("text").asText()).isEqualTo("v2");
    assertThat(slack.objects("general").get(0).path("edited").asText()).isNotEmpty();
    assertThat(call("chat.delete", "{\"channel\":\"C0GENERAL01\",\"ts\":\"" + ts + "\"}").path("ok").asBoolean())
        .isTrue();
    assertThat(slack.objects("general")).isEmpty();
    assertThat(call("chat.delete", "{\"channel\":\"C0GENERAL01\",\"ts\":\"" + ts + "\"}").path("error").asText())
        .isEqualTo("message_not_found");
  }

  @Test
  void refreshTokensAreSingleUseAndRotatingAccessTokensExpireAfter12Hours() {
    String form = "grant_type=refresh_token&client_id=" + enc(SlackSettings.DEFAULT_CLIENT_ID) + "&client_secret="
        + enc(SlackSettings.DEFAULT_CLIENT_SECRET) + "&refresh_token=";
    JsonNode first = TestHttp.json(TestHttp.form(slack.url("/api/oauth.v2.access"),
        form + enc(SlackSettings.DEFAULT_REFRESH_TOKEN)));
    assertThat(first.path("ok").asBoolean()).isTrue();
    assertThat(first.path("expires_in").asLong()).isEqualTo(43_200);
    String access = first.path("access_token").asText();
    assertThat(access).startsWith("xoxe.xoxb-");
    assertThat(first.path("refresh_token").asText()).startsWith("xoxe-1-");

    JsonNode reused = TestHttp.json(TestHttp.form(slack.url("/api/oauth.v2.access"),
        form + enc(SlackSettings.DEFAULT_REFRESH_TOKEN)));
    assertThat(reused.path("error").asText()).isEqualTo("invalid_refresh_token");
    assertThat(TestHttp.json(TestHttp.post(slack.url("/api/auth.test"), access, "{}")).path("ok").asBoolean())
        .isTrue();

    clock.advance(Duration.ofHours(12));
    assertThat(TestHttp.json(TestHttp.post(slack.url("/api/auth.test"), access, "{}")).path("error").asText())
        .isEqualTo("token_expired");
    JsonNode second = TestHttp.json(TestHttp.form(slack.url("/api/oauth.v2.access"),
        form + enc(first.path("refresh_token").asText())));
    assertThat(second.path("ok").asBoolean()).isTrue();
    assertThat(TestHttp.json(TestHttp.form(slack.url("/api/oauth.v2.access"),
        "grant_type=refresh_token&client_id=x&client_secret=y&refresh_token=z")).path("error").asText())
        .isEqualTo("invalid_client_id");
  }

  @Test
  void incomingWebhooksAnswerPlainOkAndRealHttpErrors() {
    String url = slack.credentials().get("webhook_url");
    HttpResponse<String> ok = TestHttp.post(url, null, "{\"text\":\"from a webhook\"}");
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).isEqualTo("ok");
    assertThat(slack.objects("general").get(0).path("via").asText()).isEqualTo("webhook");

    clock.advance(Duration.ofSeconds(5));
    HttpResponse<String> noText = TestHttp.post(url, null, "{}");
    assertThat(noText.statusCode()).isEqualTo(400);
    assertThat(noText.body()).isEqualTo("no_text");
    assertThat(TestHttp.post(url, null, "not json").body()).isEqualTo("invalid_payload");
    assertThat(TestHttp.post(slack.url("/services/TX/BX/nope"), null, "{\"text\":\"x\"}").statusCode())
        .isEqualTo(404);
    for (int i = 0; i < 4; i++) {
      TestHttp.post(url, null, "{\"text\":\"burst\"}");
    }
    HttpResponse<String> limited = TestHttp.post(url, null, "{\"text\":\"too fast\"}");
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).isPresent();
  }

  @Test
  void injectedThrottleUsesSlacks429Shape() {
    slack.faults().throttleNext(1);
    HttpResponse<String> limited = TestHttp.post(slack.url("/api/auth.test"), TOKEN, "{}");
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).contains("1");
    assertThat(TestHttp.json(limited).path("error").asText()).isEqualTo("ratelimited");
  }
}
