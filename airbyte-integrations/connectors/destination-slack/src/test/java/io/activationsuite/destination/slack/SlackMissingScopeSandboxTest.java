package io.activationsuite.destination.slack;

import static io.activationsuite.destination.slack.SlackFixtures.config;
import static io.activationsuite.destination.slack.SlackFixtures.messages;
import static io.activationsuite.destination.slack.SlackFixtures.row;
import static io.activationsuite.destination.slack.SlackFixtures.writer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.activationsuite.protocol.errors.ConfigErrorException;
import io.activationsuite.protocol.model.AirbyteConnectionStatus;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.junit.SandboxTest;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

@SandboxTest(value = "slack", properties = "slack.scopes=channels:read,groups:read,users:read")
class SlackMissingScopeSandboxTest {

  private final SlackFixtures fixtures = new SlackFixtures();

  @Test
  void checkNamesTheMissingScopesAndHowToAddThem(EmulatorServer slack) throws Exception {
    try (SlackSession session = fixtures.open(config(slack))) {
      AirbyteConnectionStatus status = session.check(Set.of("direct_messages"));

      assertThat(status.message()).contains("chat:write, im:write, users:read.email", "reinstall the app");
    }
  }

  @Test
  void aPostWithoutChatWriteStopsTheSyncWithAConfigErrorSayingWhatToDo(EmulatorServer slack) throws Exception {
    try (SlackSession session = fixtures.open(config(slack, messages("anomalies", "text_template", "{{a}}")))) {
      assertThatThrownBy(() -> writer(session, "anomalies", "channel_messages").write(List.of(row("a", "x"))))
          .isInstanceOf(ConfigErrorException.class)
          .hasMessageContaining("lacks the scope 'chat:write'").hasMessageContaining("OAuth & Permissions");
    }
    assertThat(slack.objects("finance-alerts")).isEmpty();
  }

  @Test
  void aPublicChannelTheBotIsNotInAndCannotJoinIsAConfigErrorSayingToInviteIt(EmulatorServer slack) {
    assertThatThrownBy(() -> {
      try (SlackSession session = fixtures.open(config(slack, messages("anomalies", "text_template", "{{a}}",
          "channel", "#random")))) {
        writer(session, "anomalies", "channel_messages");
      }
    }).isInstanceOf(ConfigErrorException.class).hasMessageContaining("/invite");
  }

  @Test
  void aBadTokenFailsTheCheck(EmulatorServer slack) throws Exception {
    var config = config(slack);
    config.with("credentials").put("bot_token", "xoxb-not-the-right-one");
    try (SlackSession session = fixtures.open(config)) {
      assertThat(session.check(Set.of()).message()).contains("invalid_auth");
    }
  }
}
