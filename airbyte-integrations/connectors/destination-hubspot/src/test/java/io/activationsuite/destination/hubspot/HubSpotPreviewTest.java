package io.activationsuite.destination.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.RequestLogEntry;
import io.activationsuite.sandbox.junit.SandboxTest;
import io.activationsuite.testkit.messages.DryRunReports;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A preview (dry run) shows HubSpot's batch calls exactly as the real run then sends them: the sandbox's
 * request log of the real run holds the planned body, the preview sent no write request, and no body
 * carries the access token.
 */
@SandboxTest("hubspot")
class HubSpotPreviewTest {
  @TempDir
  Path dir;

  @ParameterizedTest
  @CsvSource({"append_dedup,email,batch/upsert", "append,,batch/create", "update,email,batch/update"})
  void givenAPreviewThenARealRun_whenCompared_thenThePreviewsRequestIsTheBodyTheSandboxReceived(String mode,
      String key, String endpoint, EmulatorServer server) throws Exception {
    List<Map<String, Object>> records = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("email", "person" + i + "@example.com");
      data.put("firstname", "Name \"" + i + "\"");
      data.put("lifetime_value", i * 1.5);
      records.add(data);
    }
    JsonNode catalog = RunnerHarness.catalog("users", "contacts", mode, key);
    String stdin = RunnerHarness.input("users", records, 100);
    server.requests().keepBodies(true);
    ObjectNode config = HubSpotFixtures.privateAppConfig(server).put("batch_linger_ms", 60_000);
    if (mode.equals("update")) {
      RunnerHarness.Run created = new RunnerHarness(dir).run("write", config,
          RunnerHarness.catalog("users", "contacts", "append_dedup", key), stdin);
      assertThat(created.exitCode()).as("the contacts to update exist").isZero();
      server.requests().clear();
    }

    RunnerHarness.Run preview = new RunnerHarness(dir).run("write", config.deepCopy().put("dry_run", true),
        catalog, stdin);
    List<RequestLogEntry> previewWrites = writes(server);
    server.requests().clear();
    RunnerHarness.Run real = new RunnerHarness(dir).run("write", config, catalog, stdin);

    assertThat(previewWrites).as("the preview sent no write request").isEmpty();
    assertThat(real.exitCode()).isZero();
    JsonNode planned = DryRunReports.first(preview.messages()).path("first_requests");
    List<RequestLogEntry> sent = writes(server);
    assertThat(planned).hasSize(1);
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).method()).isEqualTo(planned.get(0).path("method").asText());
    assertThat(sent.get(0).path()).isEqualTo(planned.get(0).path("path").asText())
        .isEqualTo("/crm/v3/objects/contacts/" + endpoint);
    assertThat(sent.get(0).body()).isEqualTo(planned.get(0).path("body").asText());
    assertThat(planned.toString()).doesNotContain(config.path("credentials").path("access_token").asText());
  }

  /** The batch write calls the sandbox received (not discovery reads). */
  private static List<RequestLogEntry> writes(EmulatorServer server) {
    return server.requests().matching(e -> e.method().equals("POST") && e.path().startsWith("/crm/v3/objects/"));
  }
}
