package io.activationsuite.destination.slack;

import static io.activationsuite.destination.slack.SlackFixtures.anomalies;
import static io.activationsuite.destination.slack.SlackFixtures.calls;
import static io.activationsuite.destination.slack.SlackFixtures.config;
import static io.activationsuite.destination.slack.SlackFixtures.messages;
import static io.activationsuite.destination.slack.SlackFixtures.row;
import static io.activationsuite.destination.slack.SlackFixtures.writer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.TestHttpAccess;
import io.activationsuite.sandbox.junit.SandboxTest;
import io.activationsuite.sink.api.BatchWriter;
import io.activationsuite.sink.api.RecordOutcome;
import io.activationsuite.sink.api.RejectionReason;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rate limits, faults and token rotation: every row ends posted once, or rejected saying why. */
@SandboxTest("slack")
class SlackDeliverySandboxTest {

  private final SlackFixtures fixtures = new SlackFixtures();
  private final EmulatorServer slack;

  SlackDeliverySandboxTest(EmulatorServer slack) {
    this.slack = slack;
  }

  private static JsonNode textConfig(EmulatorServer slack) {
    return config(slack, messages("anomalies", "text_template", "{{account}}", "channel_field", "team_channel"));
  }

  @Test
  void a429StormIsRiddenOutAndEveryRowIsPostedExactlyOnce() throws Exception {
    try (SlackSession session = fixtures.open(textConfig(slack))) {
      BatchWriter writer = writer(session, "anomalies", "channel_messages");
      slack.faults().throttleNext(4);
      List<RecordOutcome> outcomes = writer.write(List.of(row("account", "A", "team_channel", "#sales"),
          row("account", "B", "team_channel", "#general"), row("account", "C")));

      assertThat(outcomes).allSatisfy(o -> assertThat(o).isInstanceOf(RecordOutcome.Accepted.class));
    }
    assertThat(slack.objects("sales")).hasSize(1);
    assertThat(slack.objects("general")).hasSize(1);
    assertThat(slack.objects("finance-alerts")).hasSize(1);
    assertThat(slack.requests().entries().stream().filter(e -> e.status() == 429)).hasSize(4);
  }

  @Test
  void aConnectionDroppedAfterSendingIsRejectedAsUncertainAndNeverResent() throws Exception {
    try (SlackSession session = fixtures.open(textConfig(slack))) {
      BatchWriter writer = writer(session, "anomalies", "channel_messages");
      slack.faults().resetNext(1);
      List<RecordOutcome> outcomes = writer.write(List.of(row("account", "A")));

      RecordOutcome.Rejected rejected = (RecordOutcome.Rejected) outcomes.get(0);
      assertThat(rejected.reason()).isEqualTo(RejectionReason.DELIVERY_UNCERTAIN);
      assertThat(rejected.message()).contains("Slack may have posted");
    }
    assertThat(calls(slack, "chat.postMessage")).as("not resent").isEqualTo(1);
  }

  @Test
  void a500AfterSendingIsUncertainWhileA503IsRetried() throws Exception {
    try (SlackSession session = fixtures.open(textConfig(slack))) {
      BatchWriter writer = writer(session, "anomalies", "channel_messages");
      slack.faults().failNext(1, 500);
      RecordOutcome first = writer.write(List.of(row("account", "A"))).get(0);
      slack.faults().failNext(1, 503);
      RecordOutcome second = writer.write(List.of(row("account", "B"))).get(0);

      assertThat(((RecordOutcome.Rejected) first).message()).contains("HTTP 500", "never posted twice");
      assertThat(second).isInstanceOf(RecordOutcome.Accepted.class);
    }
    assertThat(slack.objects("finance-alerts")).hasSize(1);
    assertThat(calls(slack, "chat.postMessage")).isEqualTo(3);
  }

  @Test
  void rotatingTokensAreRenewedWhenTheyExpireAndEachNewRefreshTokenIsPersisted() throws Exception {
    JsonNode config = SlackFixtures.rotatingConfig(slack, messages("anomalies", "text_template", "{{account}}",
        "channel_field", "team_channel"));
    try (SlackSession session = fixtures.open(config)) {
      BatchWriter writer = writer(session, "anomalies", "channel_messages");
      writer.write(List.of(row("account", "A", "team_channel", "#sales")));
      slack.expireAccessTokens();
      List<RecordOutcome> after = writer.write(List.of(row("account", "B", "team_channel", "#general")));

      assertThat(after.get(0)).isInstanceOf(RecordOutcome.Accepted.class);
    }
    assertThat(calls(slack, "oauth.v2.access")).isEqualTo(2);
    assertThat(fixtures.updatedConfigs).hasSize(2);
    String latest = fixtures.updatedConfigs.get(1).path("credentials").path("refresh_token").asText();
    assertThat(latest).startsWith("xoxe-1-").isNotEqualTo(slack.credentials().get("refresh_token"))
        .isNotEqualTo(fixtures.updatedConfigs.get(0).path("credentials").path("refresh_token").asText());
    assertThat(TestHttpAccess.refresh(slack, slack.credentials().get("refresh_token")))
        .as("refresh tokens are single-use").isEqualTo("invalid_refresh_token");
  }

  @Test
  void manyChannelsArePacedSeparatelySoNoneWaitsForAnother() throws Exception {
    try (SlackSession session = fixtures.open(textConfig(slack))) {
      BatchWriter writer = writer(session, "anomalies", "channel_messages");
      List<io.activationsuite.sink.api.OutboundRecord> rows = new java.util.ArrayList<>();
      for (String channel : List.of("#sales", "#general", "#finance-alerts", "#leadership")) {
        for (int i = 0; i < 3; i++) {
          rows.add(row("account", channel + i, "team_channel", channel));
        }
      }
      long start = System.nanoTime();
      assertThat(writer.write(rows)).allSatisfy(o -> assertThat(o).isInstanceOf(RecordOutcome.Accepted.class));
      long seconds = (System.nanoTime() - start) / 1_000_000_000L;
      assertThat(seconds).as("3 messages per channel in parallel, not 12 in a row").isLessThan(8);
    }
    assertThat(slack.objects("leadership")).hasSize(3);
    assertThat(slack.requests().entries().stream().filter(e -> e.status() == 429)).isEmpty();
  }

  @Test
  void digestRowsAllShareTheDigestsFate() throws Exception {
    try (SlackSession session = fixtures.open(config(slack, messages("anomalies", "text_template", "{{account}}")))) {
      BatchWriter writer = writer(session, "anomalies", "channel_digest");
      slack.faults().resetNext(1);
      List<RecordOutcome> outcomes = writer.write(anomalies(40));

      assertThat(outcomes).hasSize(40).allSatisfy(o -> assertThat(((RecordOutcome.Rejected) o).message())
          .contains("Slack may have posted"));
    }
    assertThat(calls(slack, "chat.postMessage")).isEqualTo(1);
  }
}
