package io.activationsuite.destination.slack;

import static io.activationsuite.destination.slack.SlackFixtures.MAPPER;
import static io.activationsuite.destination.slack.SlackFixtures.config;
import static io.activationsuite.destination.slack.SlackFixtures.messages;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.RequestLogEntry;
import io.activationsuite.sandbox.junit.SandboxTest;
import io.activationsuite.testkit.messages.ConfiguredCatalogs;
import io.activationsuite.testkit.messages.DryRunReports;
import io.activationsuite.testkit.messages.InProcessRun;
import io.activationsuite.testkit.messages.PlatformSyncInput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A preview (dry run) shows the {@code chat.postMessage} calls exactly as the real run then sends them: one
 * digest of all rows, or one message per row; the sandbox's request log of the real run holds the same
 * bodies, the preview posted nothing, and no body carries the bot token.
 */
@SandboxTest("slack")
class SlackPreviewTest {
  @TempDir
  Path dir;

  @ParameterizedTest
  @CsvSource({"channel_digest,1", "channel_messages,3"})
  void givenAPreviewThenARealRun_whenCompared_thenThePreviewsRequestsAreTheBodiesTheSandboxReceived(String object,
      int requests, EmulatorServer slack) throws Exception {
    PlatformSyncInput input = new PlatformSyncInput();
    List<ObjectNode> samples = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      ObjectNode data = MAPPER.createObjectNode().put("account", "Acct \"" + i + "\"").put("amount", 10.5 * i)
          .put("owner_email", "alice@example.com");
      samples.add(data);
      input.record("billing_anomalies", data);
    }
    input.streamState("billing_anomalies").complete("billing_anomalies");
    JsonNode catalog = ConfiguredCatalogs.forSync(1)
        .stream("billing_anomalies", object, "append", List.of(), samples).tree();
    String stdin = String.join("\n", input.lines()) + "\n";
    ObjectNode config = config(slack, messages("billing_anomalies", "text_template",
        "• *{{account}}* {{amount}} (owner {{#mention}}{{owner_email}}{{/mention}})",
        "digest_header", "*{{count}} billing anomalies*")).put("batch_linger_ms", 60_000);
    slack.requests().keepBodies(true);

    List<JsonNode> preview = run(config.deepCopy().put("dry_run", true), catalog, stdin);
    List<RequestLogEntry> previewPosts = posts(slack);
    slack.requests().clear();
    List<JsonNode> real = run(config, catalog, stdin);

    assertThat(previewPosts).as("the preview posted nothing").isEmpty();
    assertThat(real.toString()).doesNotContain("\"failure_type\"");
    JsonNode planned = DryRunReports.first(preview).path("first_requests");
    List<RequestLogEntry> sent = posts(slack);
    assertThat(planned).hasSize(requests);
    assertThat(sent).hasSize(requests);
    for (int i = 0; i < requests; i++) {
      assertThat(sent.get(i).method()).isEqualTo(planned.get(i).path("method").asText());
      assertThat(sent.get(i).path()).isEqualTo(planned.get(i).path("path").asText());
      assertThat(sent.get(i).body()).isEqualTo(planned.get(i).path("body").asText());
    }
    assertThat(planned.toString()).contains("<@U0ALICE0001>")
        .doesNotContain(config.path("credentials").path("bot_token").asText());
  }

  private static List<RequestLogEntry> posts(EmulatorServer slack) {
    return slack.requests().matching(e -> e.path().equals("/api/chat.postMessage"));
  }

  private List<JsonNode> run(JsonNode config, JsonNode catalog, String stdin) {
    return InProcessRun.of(dir, "write", config, catalog.toString(), List.of(stdin)).messages();
  }
}
