package io.activationsuite.sandbox.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.methods.response.conversations.ConversationsInfoResponse;
import com.slack.api.methods.response.conversations.ConversationsListResponse;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import com.slack.api.methods.response.oauth.OAuthV2AccessResponse;
import com.slack.api.methods.response.users.UsersListResponse;
import com.slack.api.methods.response.users.UsersLookupByEmailResponse;
import com.slack.api.model.ConversationType;
import com.slack.api.model.block.Blocks;
import com.slack.api.model.block.composition.BlockCompositions;
import com.slack.api.model.block.element.BlockElements;
import com.slack.api.webhook.WebhookResponse;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.ManualClock;
import io.activationsuite.sandbox.junit.SandboxTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Slack's own Java client, pointed at the emulator, parses every answer it gets. */
@SandboxTest(value = "slack", manualClock = true)
class SlackSdkFidelityTest {

  private final EmulatorServer server;
  private final ManualClock clock;
  private final Slack slack;
  private final MethodsClient methods;

  SlackSdkFidelityTest(EmulatorServer server, ManualClock clock) {
    this.server = server;
    this.clock = clock;
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(server.url("/api/"));
    config.setPrettyResponseLoggingEnabled(false);
    this.slack = Slack.getInstance(config);
    this.methods = slack.methods(SlackSettings.DEFAULT_BOT_TOKEN);
  }

  @AfterEach
  void close() throws Exception {
    slack.close();
  }

  @Test
  void authTestParses() throws Exception {
    AuthTestResponse auth = methods.authTest(r -> r);

    assertThat(auth.isOk()).isTrue();
    assertThat(auth.getUserId()).isEqualTo("U0BOTUSER01");
    assertThat(auth.getBotId()).isEqualTo("B0BOTID0001");
    assertThat(auth.getHttpResponseHeaders().get("x-oauth-scopes").get(0)).contains("chat:write");
  }

  @Test
  void postMessageWithBlockKitBuiltBySdkThenUpdateAndDelete() throws Exception {
    ChatPostMessageResponse posted = methods.chatPostMessage(r -> r.channel("#finance-alerts")
        .text("Billing anomaly").unfurlLinks(false)
        .blocks(List.of(
            Blocks.header(h -> h.text(BlockCompositions.plainText("Anomalies"))),
            Blocks.section(s -> s.text(BlockCompositions.markdownText("*ACME* invoice 3x usual"))),
            Blocks.context(c -> c.elements(List.of(BlockCompositions.markdownText("owner <@U0ALICE0001>")))),
            Blocks.divider(),
            Blocks.actions(a -> a.elements(List.of(BlockElements.button(b -> b.actionId("ack")
                .text(BlockCompositions.plainText("Ack")))))))));

    assertThat(posted.isOk()).as(String.valueOf(posted.getError())).isTrue();
    assertThat(posted.getChannel()).isEqualTo("C0FINANCE01");
    assertThat(posted.getMessage().getBlocks()).hasSize(5);
    assertThat(posted.getMessage().getBotId()).isEqualTo("B0BOTID0001");

    ChatUpdateResponse updated = methods.chatUpdate(r -> r.channel(posted.getChannel()).ts(posted.getTs())
        .text("Billing anomaly (acknowledged)"));
    assertThat(updated.isOk()).isTrue();
    assertThat(updated.getMessage().getText()).isEqualTo("Billing anomaly (acknowledged)");
    assertThat(methods.chatDelete(r -> r.channel(posted.getChannel()).ts(posted.getTs())).isOk()).isTrue();
    assertThat(server.objects("finance-alerts")).isEmpty();
  }

  @Test
  void errorsParseIntoTheSdksErrorFields() throws Exception {
    assertThat(methods.chatPostMessage(r -> r.channel("random").text("x")).getError()).isEqualTo("not_in_channel");
    assertThat(methods.chatPostMessage(r -> r.channel("nope").text("x")).getError()).isEqualTo("channel_not_found");
    assertThat(methods.chatPostMessage(r -> r.channel("general")).getError()).isEqualTo("no_text");
    ChatPostMessageResponse invalid = methods.chatPostMessage(r -> r.channel("general").blocks(List.of(
        Blocks.section(s -> s.text(BlockCompositions.markdownText("z".repeat(3_001)))))));
    assertThat(invalid.getError()).isEqualTo("invalid_blocks");
    assertThat(invalid.getResponseMetadata().getMessages().get(0)).contains("json-pointer:/blocks/0/text/text");
    assertThat(slack.methods("xoxb-bad").authTest(r -> r).getError()).isEqualTo("invalid_auth");
  }

  @Test
  void rateLimitIsSlackApiExceptionWith429AndRetryAfter() throws Exception {
    for (int i = 0; i < 4; i++) {
      assertThat(methods.chatPostMessage(r -> r.channel("general").text("burst")).isOk()).isTrue();
    }
    SlackApiException limited = catchThrowableOfType(SlackApiException.class,
        () -> methods.chatPostMessage(r -> r.channel("general").text("over")));

    assertThat(limited.getResponse().code()).isEqualTo(429);
    assertThat(limited.getResponse().header("Retry-After")).isEqualTo("1");
    assertThat(limited.getError().getError()).isEqualTo("ratelimited");
    clock.advance(Duration.ofSeconds(1));
    assertThat(methods.chatPostMessage(r -> r.channel("general").text("after")).isOk()).isTrue();
  }

  @Test
  void conversationsPagingUsersAndDirectMessagesParse() throws Exception {
    ConversationsListResponse page = methods.conversationsList(r -> r.limit(2)
        .types(List.of(ConversationType.PUBLIC_CHANNEL, ConversationType.PRIVATE_CHANNEL)));
    assertThat(page.getChannels()).hasSize(2);
    String cursor = page.getResponseMetadata().getNextCursor();
    ConversationsListResponse rest = methods.conversationsList(r -> r.limit(100).cursor(cursor)
        .types(List.of(ConversationType.PUBLIC_CHANNEL, ConversationType.PRIVATE_CHANNEL)));
    assertThat(rest.getChannels()).extracting("name").contains("leadership").doesNotContain("secret-projects");
    assertThat(rest.getResponseMetadata().getNextCursor()).isEmpty();

    ConversationsInfoResponse info = methods.conversationsInfo(r -> r.channel("G0LEADERS01"));
    assertThat(info.getChannel().isPrivate()).isTrue();
    assertThat(info.getChannel().isMember()).isTrue();

    UsersLookupByEmailResponse found = methods.usersLookupByEmail(r -> r.email("bob@example.com"));
    assertThat(found.getUser().getId()).isEqualTo("U0BOB000001");
    assertThat(found.getUser().getProfile().getEmail()).isEqualTo("bob@example.com");
    assertThat(methods.usersLookupByEmail(r -> r.email("ghost@example.com")).getError()).isEqualTo("users_not_found");
    UsersListResponse users = methods.usersList(r -> r.limit(3));
    assertThat(users.getMembers()).hasSize(3);
    assertThat(users.getResponseMetadata().getNextCursor()).isNotEmpty();

    ConversationsOpenResponse open = methods.conversationsOpen(r -> r.users(List.of("U0BOB000001")));
    assertThat(open.getChannel().getId()).startsWith("D");
    assertThat(methods.chatPostMessage(r -> r.channel(open.getChannel().getId()).text("DM")).isOk()).isTrue();
    assertThat(methods.conversationsJoin(r -> r.channel("C0RANDOM001")).getChannel().isMember()).isTrue();
  }

  @Test
  void tokenRotationThroughTheSdk() throws Exception {
    OAuthV2AccessResponse first = slack.methods().oauthV2Access(r -> r.clientId(SlackSettings.DEFAULT_CLIENT_ID)
        .clientSecret(SlackSettings.DEFAULT_CLIENT_SECRET).grantType("refresh_token")
        .refreshToken(SlackSettings.DEFAULT_REFRESH_TOKEN));

    assertThat(first.isOk()).as(String.valueOf(first.getError())).isTrue();
    assertThat(first.getExpiresIn()).isEqualTo(43_200);
    assertThat(first.getTeam().getId()).isEqualTo("T0SANDBOX01");
    assertThat(slack.methods(first.getAccessToken()).authTest(r -> r).isOk()).isTrue();
    OAuthV2AccessResponse reused = slack.methods().oauthV2Access(r -> r.clientId(SlackSettings.DEFAULT_CLIENT_ID)
        .clientSecret(SlackSettings.DEFAULT_CLIENT_SECRET).grantType("refresh_token")
        .refreshToken(SlackSettings.DEFAULT_REFRESH_TOKEN));
    assertThat(reused.getError()).isEqualTo("invalid_refresh_token");
    server.expireAccessTokens();
    assertThat(slack.methods(first.getAccessToken()).authTest(r -> r).getError()).isEqualTo("token_expired");
  }

  @Test
  void incomingWebhookThroughTheSdk() throws Exception {
    WebhookResponse ok = slack.send(server.credentials().get("webhook_url"), "{\"text\":\"hook\"}");
    assertThat(ok.getCode()).isEqualTo(200);
    assertThat(ok.getBody()).isEqualTo("ok");
    WebhookResponse bad = slack.send(server.credentials().get("webhook_url"), "{}");
    assertThat(bad.getCode()).isEqualTo(400);
    assertThat(bad.getBody()).isEqualTo("no_text");
  }
}
