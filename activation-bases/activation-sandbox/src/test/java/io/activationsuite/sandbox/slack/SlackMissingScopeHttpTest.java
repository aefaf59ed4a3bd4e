package io.activationsuite.sandbox.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.TestHttp;
import io.activationsuite.sandbox.junit.SandboxTest;
import org.junit.jupiter.api.Test;

@SandboxTest(value = "slack", properties = "slack.scopes=channels:read,users:read")
class SlackMissingScopeHttpTest {

  @Test
  void aMethodWithoutItsScopeAnswersMissingScopeWithNeededAndProvided(EmulatorServer slack) {
    JsonNode body = TestHttp.json(TestHttp.post(slack.url("/api/chat.postMessage"), SlackSettings.DEFAULT_BOT_TOKEN,
        "{\"channel\":\"general\",\"text\":\"hi\"}"));

    assertThat(body.path("ok").asBoolean()).isFalse();
    assertThat(body.path("error").asText()).isEqualTo("missing_scope");
    assertThat(body.path("needed").asText()).isEqualTo("chat:write");
    assertThat(body.path("provided").asText()).isEqualTo("channels:read,users:read");
    assertThat(slack.objects("general")).isEmpty();
  }

  @Test
  void usersListWithoutTheEmailScopeLeavesEmailsOut(EmulatorServer slack) {
    JsonNode body = TestHttp.json(TestHttp.post(slack.url("/api/users.list"), SlackSettings.DEFAULT_BOT_TOKEN, "{}"));

    assertThat(body.path("members").get(0).path("profile").has("email")).isFalse();
    assertThat(TestHttp.json(TestHttp.post(slack.url("/api/users.lookupByEmail"), SlackSettings.DEFAULT_BOT_TOKEN,
        "{\"email\":\"alice@example.com\"}")).path("needed").asText()).isEqualTo("users:read.email");
  }
}
