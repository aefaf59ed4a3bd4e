package io.activationsuite.destination.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.RequestLogEntry;
import io.activationsuite.sandbox.junit.SandboxTest;
import io.activationsuite.testkit.messages.ConfiguredCatalogs;
import io.activationsuite.testkit.messages.DryRunReports;
import io.activationsuite.testkit.messages.PlatformSyncInput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A preview (dry run) shows the requests exactly as the real run then sends them: the users
 * {@code create_or_update_many} job body, or one {@code organizations/create_or_update} body per record; the
 * sandbox's request log of the real run holds the same bodies, and the preview sent no write request.
 */
@SandboxTest("zendesk")
class ZendeskPreviewTest {
  @TempDir
  Path dir;

  @ParameterizedTest
  @CsvSource({"users,email,1", "organizations,external_id,3"})
  void givenAPreviewThenARealRun_whenCompared_thenThePreviewsRequestsAreTheBodiesTheSandboxReceived(String object,
      String key, int requests, EmulatorServer server) throws Exception {
    PlatformSyncInput input = new PlatformSyncInput();
    List<JsonNode> records = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ObjectNode data = ZendeskFixtures.MAPPER.createObjectNode().put(key, key.equals("email")
          ? "user" + i + "@example.com" : "org-" + i).put("name", "Name \"" + i + "\", Ltd");
      records.add(data);
      input.record("people", data);
    }
    input.streamState("people").complete("people");
    String catalog = ConfiguredCatalogs.forSync(1).stream("people", object, "append_dedup", List.of(key), records)
        .json();
    String stdin = String.join("\n", input.lines()) + "\n";
    server.requests().keepBodies(true);

    ObjectNode config = ZendeskFixtures.apiTokenConfig(server).put("batch_linger_ms", 60_000);
    List<JsonNode> preview = ZendeskFixtures.runWrite(dir, config.deepCopy().put("dry_run", true), catalog, stdin);
    List<RequestLogEntry> previewWrites = writes(server);
    server.requests().clear();
    List<JsonNode> real = ZendeskFixtures.runWrite(dir, config, catalog, stdin);

    assertThat(previewWrites).as("the preview sent no write request").isEmpty();
    assertThat(real.toString()).doesNotContain("\"failure_type\"");
    JsonNode planned = DryRunReports.first(preview).path("first_requests");
    List<RequestLogEntry> sent = writes(server);
    assertThat(planned.size()).isEqualTo(requests);
    assertThat(sent).hasSize(requests);
    for (int i = 0; i < requests; i++) {
      assertThat(sent.get(i).method()).isEqualTo(planned.get(i).path("method").asText());
      assertThat(sent.get(i).path()).isEqualTo(planned.get(i).path("path").asText());
      assertThat(sent.get(i).body()).isEqualTo(planned.get(i).path("body").asText());
    }
  }

  /** The write calls the sandbox received (not reads, not job status polls). */
  private static List<RequestLogEntry> writes(EmulatorServer server) {
    return server.requests().matching(e -> !e.method().equals("GET") && e.path().startsWith("/api/v2/"));
  }
}
