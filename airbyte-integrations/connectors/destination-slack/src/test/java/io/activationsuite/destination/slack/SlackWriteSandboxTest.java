package io.activationsuite.destination.slack;

import static io.activationsuite.destination.slack.SlackFixtures.anomalies;
import static io.activationsuite.destination.slack.SlackFixtures.calls;
import static io.activationsuite.destination.slack.SlackFixtures.config;
import static io.activationsuite.destination.slack.SlackFixtures.messages;
import static io.activationsuite.destination.slack.SlackFixtures.row;
import static io.activationsuite.destination.slack.SlackFixtures.writer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.protocol.errors.ConfigErrorException;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.junit.SandboxTest;
import io.activationsuite.sink.api.OutboundRecord;
import io.activationsuite.sink.api.RecordOutcome;
import io.activationsuite.sink.api.RejectionReason;
import java.util.List;
import org.junit.jupiter.api.Test;

@SandboxTest("slack")
class SlackWriteSandboxTest {

  private final SlackFixtures fixtures = new SlackFixtures();
  private final EmulatorServer slack;

  SlackWriteSandboxTest(EmulatorServer slack) {
    this.slack = slack;
  }

  private List<RecordOutcome> write(String object, JsonNode config, OutboundRecord... rows) throws Exception {
    try (SlackSession session = fixtures.open(config)) {
      return writer(session, "anomalies", object).write(List.of(rows));
    }
  }

  private static RecordOutcome.Rejected rejected(RecordOutcome outcome) {
    assertThat(outcome).isInstanceOf(RecordOutcome.Rejected.class);
    return (RecordOutcome.Rejected) outcome;
  }

  @Test
  void channelMessagesPostOneEscapedMrkdwnMessagePerRow() throws Exception {
    List<RecordOutcome> outcomes = write("channel_messages", config(slack, messages("anomalies",
        "text_template", "*{{account}}* was billed ${{amount}}{{#disputed}} (disputed){{/disputed}}")),
        row("account", "Acme <Corp> & Co", "amount", "1200", "disputed", true),
        row("account", "Globex", "amount", "80"));

    assertThat(outcomes).allSatisfy(o -> assertThat(o).isInstanceOf(RecordOutcome.Accepted.class));
    JsonNode posted = slack.objects("finance-alerts");
    assertThat(posted).hasSize(2);
    assertThat(posted.get(0).path("text").asText())
        .isEqualTo("*Acme &lt;Corp&gt; &amp; Co* was billed $1200 (disputed)");
    assertThat(posted.get(1).path("text").asText()).isEqualTo("*Globex* was billed $80");
    assertThat(posted.get(0).path("unfurl_links").asBoolean()).isFalse();
    assertThat(((RecordOutcome.Accepted) outcomes.get(0)).destinationId()).startsWith("C0FINANCE01/");
  }

  @Test
  void blockKitTemplateValuesAreJsonEscaped() throws Exception {
    List<RecordOutcome> outcomes = write("channel_messages", config(slack, messages("anomalies", "blocks_template",
        "[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"*{{account}}*\"}},{\"type\":\"divider\"}]")),
        row("account", "Quote \" and \\ backslash"));

    assertThat(outcomes.get(0)).isInstanceOf(RecordOutcome.Accepted.class);
    JsonNode blocks = slack.objects("finance-alerts").get(0).path("blocks");
    assertThat(blocks).hasSize(2);
    assertThat(blocks.get(0).path("text").path("text").asText()).isEqualTo("*Quote \" and \\ backslash*");
  }

  @Test
  void rowsNamingTheirChannelGoThereAndUnknownOrInvisibleChannelsAreRejectedWithTheReason() throws Exception {
    List<RecordOutcome> outcomes = write("channel_messages", config(slack, messages("anomalies",
        "text_template", "{{account}}", "channel_field", "team_channel")),
        row("account", "A", "team_channel", "#sales"),
        row("account", "B", "team_channel", "C0GENERAL01"),
        row("account", "C", "team_channel", "#no-such-channel"),
        row("account", "D", "team_channel", "secret-projects"),
        row("account", "E", "team_channel", "#old-announcements"),
        row("account", "F"));

    assertThat(slack.objects("sales")).hasSize(1);
    assertThat(slack.objects("general")).hasSize(1);
    assertThat(rejected(outcomes.get(2)).message()).contains("no channel #no-such-channel");
    assertThat(rejected(outcomes.get(3)).message()).contains("private", "/invite");
    assertThat(rejected(outcomes.get(4)).message()).contains("archived");
    assertThat(outcomes.get(5)).as("no channel field: the default channel").isInstanceOf(RecordOutcome.Accepted.class);
    assertThat(slack.objects("finance-alerts")).hasSize(1);
  }

  @Test
  void aFixedPrivateChannelTheBotIsNotInIsAConfigErrorSayingToInviteIt() {
    JsonNode config = config(slack, messages("anomalies", "text_template", "{{account}}", "channel",
        "#secret-projects"));

    assertThatThrownBy(() -> write("channel_messages", config, row("account", "A")))
        .isInstanceOf(ConfigErrorException.class).hasMessageContaining("invite the app");
  }

  @Test
  void aPublicChannelTheBotIsNotInIsJoinedFirst() throws Exception {
    write("channel_messages", config(slack, messages("anomalies", "text_template", "{{account}}", "channel",
        "#random")), row("account", "A"));

    assertThat(slack.objects("random")).hasSize(1);
    assertThat(calls(slack, "conversations.join")).isEqualTo(1);
  }

  @Test
  void aDigestOf40RowsIsOneMessageThatAccountsFor40Records() throws Exception {
    List<OutboundRecord> rows = anomalies(40);
    List<RecordOutcome> outcomes;
    try (SlackSession session = fixtures.open(config(slack, messages("anomalies",
        "text_template", "• *{{account}}* billed {{amount}}", "digest_header", "*{{count}} billing anomalies*",
        "digest_footer", "Sent by Activation Suite")))) {
      outcomes = writer(session, "anomalies", "channel_digest").write(rows);
    }

    assertThat(outcomes).hasSize(40).allSatisfy(o -> assertThat(o).isInstanceOf(RecordOutcome.Accepted.class));
    assertThat(outcomes.stream().map(o -> ((RecordOutcome.Accepted) o).destinationId()).distinct()).hasSize(1);
    JsonNode posted = slack.objects("finance-alerts");
    assertThat(posted).hasSize(1);
    JsonNode blocks = posted.get(0).path("blocks");
    assertThat(blocks.get(0).path("text").path("text").asText()).isEqualTo("*40 billing anomalies*");
    assertThat(blocks.get(blocks.size() - 1).path("type").asText()).isEqualTo("context");
    assertThat(blocks.toString()).contains("Account 1*", "Account 40*");
  }

  @Test
  void digestsSplitAtTheirRowLimitAndSectionsStayWithin3000Characters() throws Exception {
    List<RecordOutcome> outcomes;
    try (SlackSession session = fixtures.open(config(slack, messages("anomalies",
        "text_template", "{{account}} {{amount}} " + "x".repeat(150), "digest_max_rows", 40)))) {
      outcomes = writer(session, "anomalies", "channel_digest").write(anomalies(100));
    }

    assertThat(outcomes).hasSize(100).allSatisfy(o -> assertThat(o).isInstanceOf(RecordOutcome.Accepted.class));
    JsonNode posted = slack.objects("finance-alerts");
    assertThat(posted).hasSize(3);
    assertThat(posted.get(0).path("text").asText()).contains("40 new rows");
    assertThat(posted.get(2).path("text").asText()).contains("20 new rows");
    posted.forEach(m -> m.path("blocks").forEach(b -> assertThat(b.path("text").path("text").asText().length())
        .isLessThanOrEqualTo(3_000)));
  }

  @Test
  void directMessagesFindUsersByEmailOnceAndRejectRowsWithoutASlackAccount() throws Exception {
    List<RecordOutcome> outcomes = write("direct_messages", config(slack, messages("anomalies",
        "text_template", "Your account {{account}} needs a look", "user_email_field", "owner_email")),
        row("account", "A", "owner_email", "alice@example.com"),
        row("account", "B", "owner_email", "ALICE@example.com"),
        row("account", "C", "owner_email", "bob@example.com"),
        row("account", "D", "owner_email", "ghost@example.com"),
        row("account", "E", "owner_email", "ghost@example.com"),
        row("account", "F", "owner_email", "erin@example.com"),
        row("account", "G"));

    assertThat(slack.objects("D0ALICE0001")).hasSize(2);
    assertThat(slack.objects("D0BOB000001")).hasSize(1);
    assertThat(rejected(outcomes.get(3)).reason()).isEqualTo(RejectionReason.NOT_FOUND);
    assertThat(rejected(outcomes.get(3)).message()).contains("No active Slack account", "ghost@example.com");
    assertThat(rejected(outcomes.get(5)).message()).as("deactivated").contains("erin@example.com");
    assertThat(rejected(outcomes.get(6)).message()).contains("owner_email");
    assertThat(calls(slack, "users.lookupByEmail")).as("cached, negatives too").isEqualTo(4);
    assertThat(calls(slack, "conversations.open")).isEqualTo(2);
  }

  @Test
  void mentionsByEmailBecomeUserMentionsOrStayPlainEmails() throws Exception {
    write("channel_messages", config(slack, messages("anomalies",
        "text_template", "{{account}} owner: {{#mention}}{{owner_email}}{{/mention}}")),
        row("account", "A", "owner_email", "carol@example.com"),
        row("account", "B", "owner_email", "nobody@example.com"));

    JsonNode posted = slack.objects("finance-alerts");
    assertThat(posted.get(0).path("text").asText()).isEqualTo("A owner: <@U0CAROL0001>");
    assertThat(posted.get(1).path("text").asText()).isEqualTo("B owner: nobody@example.com");
  }

  @Test
  void jsonColumnsAreNavigatedAndLoopedOverByTheTemplate() throws Exception {
    JsonNode payload = SlackFixtures.MAPPER.readTree(
        "{\"account\":{\"name\":\"Acme\"},\"invoices\":[{\"id\":\"i-1\"},{\"id\":\"i-2\"}]}");
    OutboundRecord row = new OutboundRecord("row-json", null,
        (com.fasterxml.jackson.databind.node.ObjectNode) payload, java.util.Set.of(), 80);
    write("channel_messages", config(slack, messages("anomalies",
        "text_template", "{{account.name}}:{{#invoices}} {{id}}{{/invoices}}")), row);

    assertThat(slack.objects("finance-alerts").get(0).path("text").asText()).isEqualTo("Acme: i-1 i-2");
  }

  @Test
  void templateErrorsAreConfigErrorsOrRowRejectionsWithTheReason() throws Exception {
    assertThatThrownBy(() -> write("channel_messages", config(slack, messages("anomalies",
        "text_template", "{{#open}} never closed")), row("account", "A")))
        .isInstanceOf(ConfigErrorException.class).hasMessageContaining("not a valid Mustache template");

    List<RecordOutcome> outcomes = write("channel_messages", config(slack, messages("anomalies",
        "blocks_template", "[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"{{{account}}}\"}}]")),
        row("account", "fine"), row("account", "broken \" quote"));
    assertThat(outcomes.get(0)).isInstanceOf(RecordOutcome.Accepted.class);
    assertThat(rejected(outcomes.get(1)).reason()).isEqualTo(RejectionReason.INVALID_VALUE);
    assertThat(rejected(outcomes.get(1)).message()).contains("not JSON");

    List<RecordOutcome> nested = write("channel_messages", config(slack, messages("anomalies",
        "text_template", "{{account.name}}")), row("account", "flat text"));
    assertThat(rejected(nested.get(0)).message()).contains("could not be rendered");
  }

  @Test
  void messagesSlackRefusesAreRejectedWithSlacksCode() throws Exception {
    List<RecordOutcome> outcomes = write("channel_messages", config(slack, messages("anomalies",
        "text_template", "{{text}}")),
        row("text", "y".repeat(150_001)),
        row("text", ""));
    assertThat(rejected(outcomes.get(0)).reason()).isEqualTo(RejectionReason.VALUE_TOO_LONG);
    assertThat(rejected(outcomes.get(0)).message()).contains("msg_too_long");
    assertThat(rejected(outcomes.get(1)).message()).contains("no_text");

    List<RecordOutcome> blocks = write("channel_messages", config(slack, messages("anomalies",
        "blocks_template", "[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"{{text}}\"}}]")),
        row("text", "z".repeat(3_001)));
    assertThat(rejected(blocks.get(0)).message()).contains("invalid_blocks", "json-pointer:/blocks/0/text/text");
    assertThat(slack.objects("finance-alerts")).isEmpty();
  }
}
