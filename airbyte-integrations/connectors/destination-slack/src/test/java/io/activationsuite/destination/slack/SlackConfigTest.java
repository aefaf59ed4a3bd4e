package io.activationsuite.destination.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.protocol.errors.ConfigErrorException;
import io.activationsuite.sink.ActivationDestination;
import io.activationsuite.sink.config.ConfigReader;
import io.activationsuite.testkit.spec.SpecSnapshots;
import org.junit.jupiter.api.Test;

class SlackConfigTest {

  private static ObjectNode config(ObjectNode... messages) {
    ObjectNode config = SlackFixtures.MAPPER.createObjectNode();
    config.putObject("credentials").put("auth_type", "bot_token").put("bot_token", "xoxb-secret-123");
    config.putArray("messages").addAll(java.util.List.of(messages));
    return config;
  }

  private static SlackConfig read(ObjectNode config) {
    return ConfigReader.read(config, SlackConfig.class);
  }

  @Test
  void theSpecGeneratedFromTheConfigRecordEqualsTheReviewedSnapshot() {
    SpecSnapshots.assertMatchesSnapshot(new ActivationDestination(new SlackActivationApi()).spec(), "slack");
  }

  @Test
  void absentSettingsTakeTheSpecDefaultsAndStreamsWithoutSettingsGetADigestHeader() {
    SlackConfig parsed = read(config(SlackFixtures.messages("anomalies", "text_template", "{{a}}")));

    assertThat(parsed.apiUrl()).isEqualTo("https://slack.com/api/");
    assertThat(parsed.channelMessagesPerSecond()).isEqualTo(1.0);
    assertThat(parsed.workspaceMessagesPerMinute()).isEqualTo(1_000);
    MessageSettings anomalies = parsed.settingsOf("anomalies");
    assertThat(anomalies.digestMaxRows()).isEqualTo(40);
    assertThat(anomalies.userEmailField()).isEqualTo("email");
    assertThat(anomalies.unfurlLinks()).isFalse();
    assertThat(parsed.settingsOf("other").digestHeader()).isEqualTo("*{{count}} new rows from other*");
    assertThat(parsed.toString()).doesNotContain("xoxb-secret-123");
  }

  @Test
  void twoEntriesForOneStreamTooManyDigestRowsOrAPlainHttpApiUrlAreConfigErrorsNamingTheField() {
    assertThatThrownBy(() -> read(config(SlackFixtures.messages("a", "text_template", "x"),
        SlackFixtures.messages("a", "text_template", "y")))).isInstanceOf(ConfigErrorException.class)
        .hasMessageContaining("one entry per stream");
    assertThatThrownBy(() -> read(config(SlackFixtures.messages("a", "digest_max_rows", 500))))
        .isInstanceOf(ConfigErrorException.class).hasMessageContaining("digest_max_rows");
    assertThatThrownBy(() -> read(config().put("api_url", "http://slack.example.com/api/")))
        .isInstanceOf(ConfigErrorException.class).hasMessageContaining("api_url");
  }
}
