package io.activationsuite.destination.slack;

import static io.activationsuite.destination.slack.SlackFixtures.MAPPER;
import static io.activationsuite.destination.slack.SlackFixtures.config;
import static io.activationsuite.destination.slack.SlackFixtures.messages;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.protocol.runner.DestinationRunner;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.junit.SandboxTest;
import io.activationsuite.testkit.messages.ConfiguredCatalogs;
import io.activationsuite.testkit.messages.EchoedStates;
import io.activationsuite.testkit.messages.PlatformSyncInput;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connector through the Airbyte protocol runner: spec, check, discover and a write whose states add up. */
@SandboxTest("slack")
class SlackConnectorRunnerTest {

  @TempDir
  Path dir;

  private List<JsonNode> run(String command, JsonNode config, JsonNode catalog, String stdin) throws Exception {
    List<String> args = new ArrayList<>(List.of(command));
    if (config != null) {
      args.addAll(List.of("--config", Files.writeString(dir.resolve("config.json"), config.toString()).toString()));
    }
    if (catalog != null) {
      args.addAll(List.of("--catalog", Files.writeString(dir.resolve("catalog.json"), catalog.toString()).toString()));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DestinationRunner.run(args.toArray(String[]::new), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        out);
    List<JsonNode> messages = new ArrayList<>();
    for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
      if (!line.isBlank()) {
        messages.add(MAPPER.readTree(line));
      }
    }
    return messages;
  }

  private static List<JsonNode> ofType(List<JsonNode> messages, String type) {
    return messages.stream().filter(m -> type.equals(m.path("type").asText())).toList();
  }

  private static ObjectNode slackConfig(EmulatorServer slack) {
    return config(slack,
        messages("billing_anomalies", "text_template", "• *{{account}}* {{amount}} (owner {{#mention}}{{owner_email}}"
            + "{{/mention}})", "digest_header", "*{{count}} billing anomalies*"),
        messages("high_severity", "text_template", "Anomaly on {{account}}: {{amount}}", "user_email_field",
            "owner_email"));
  }

  @Test
  void specOffersBotTokenAndRotatingOAuthWithSecretsMarked() throws Exception {
    JsonNode spec = ofType(run("spec", null, null, ""), "SPEC").get(0).path("spec").path("connectionSpecification");

    assertThat(spec.path("properties").has("mappings")).isTrue();
    JsonNode oneOf = spec.path("properties").path("credentials").path("oneOf");
    assertThat(oneOf.get(0).path("properties").path("bot_token").path("airbyte_secret").asBoolean()).isTrue();
    assertThat(oneOf.get(1).path("properties").path("refresh_token").path("airbyte_secret").asBoolean()).isTrue();
  }

  @Test
  void checkSucceedsAndDiscoverListsObjectsThatTakeEveryColumnAsATemplateVariable(EmulatorServer slack)
      throws Exception {
    JsonNode status = ofType(run("check", slackConfig(slack), null, ""), "CONNECTION_STATUS").get(0);
    assertThat(status.path("connectionStatus").path("status").asText()).isEqualTo("SUCCEEDED");

    List<JsonNode> discovered = run("discover", slackConfig(slack), null, "");
    String catalog = discovered.toString();
    assertThat(catalog).contains("channel_digest", "direct_messages", "channel_messages", "owner_email",
        "additionalProperties").doesNotContain("\"amount\"");
  }

  @Test
  void aDigestSyncAndDirectMessagesEchoStatesThatAddUp(EmulatorServer slack) throws Exception {
    PlatformSyncInput input = new PlatformSyncInput();
    List<ObjectNode> samples = new ArrayList<>();
    for (int i = 1; i <= 40; i++) {
      ObjectNode data = MAPPER.createObjectNode().put("account", "Acct " + i).put("amount", 10.5 * i)
          .put("owner_email", i % 2 == 0 ? "alice@example.com" : "bob@example.com");
      samples.add(data);
      input.record("billing_anomalies", data);
    }
    input.streamState("billing_anomalies");
    for (String owner : List.of("alice@example.com", "ghost@example.com", "carol@example.com")) {
      input.record("high_severity", MAPPER.createObjectNode().put("account", "Big").put("amount", 99_000)
          .put("owner_email", owner));
    }
    input.streamState("high_severity").complete("billing_anomalies", "high_severity");
    JsonNode catalog = ConfiguredCatalogs.forSync(1)
        .stream("billing_anomalies", "channel_digest", "append", List.of(), samples)
        .stream("high_severity", "direct_messages", "append", List.of(), samples).tree();

    List<JsonNode> out = run("write", slackConfig(slack), catalog, String.join("\n", input.lines()) + "\n");

    List<ObjectNode> echoed = ofType(out, "STATE").stream().map(ObjectNode.class::cast)
        .sorted(java.util.Comparator.comparingLong(s -> s.path("state").path("id").asLong())).toList();
    EchoedStates.assertEchoed(input.states(), echoed); // per-stream states: each stream's order is what counts
    assertThat(EchoedStates.recordCount(echoed)).isEqualTo(42);
    assertThat(EchoedStates.rejectedCount(echoed)).isEqualTo(1);
    assertThat(slack.objects("finance-alerts")).hasSize(1);
    assertThat(slack.objects("finance-alerts").get(0).path("blocks").toString())
        .contains("40 billing anomalies", "<@U0ALICE0001>", "Acct 40");
    assertThat(slack.objects("D0ALICE0001")).hasSize(1);
    assertThat(slack.objects("D0CAROL0001")).hasSize(1);
  }
}
