package io.activationsuite.destination.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.protocol.runner.DestinationRunner;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.junit.SandboxTest;
import io.activationsuite.sandbox.zendesk.ZendeskEmulator;
import io.activationsuite.testkit.messages.ConfiguredCatalogs;
import io.activationsuite.testkit.messages.PlatformSyncInput;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** spec, check, discover and write through the protocol runner, in process, against the emulator. */
@SandboxTest("zendesk")
class ZendeskConnectorRunnerTest {

  @TempDir
  Path dir;

  private List<JsonNode> run(String command, JsonNode config, String catalog, String stdin) throws Exception {
    List<String> args = new ArrayList<>(List.of(command));
    if (config != null) {
      Files.writeString(dir.resolve("config.json"), config.toString());
      args.addAll(List.of("--config", dir.resolve("config.json").toString()));
    }
    if (catalog != null) {
      Files.writeString(dir.resolve("catalog.json"), catalog);
      args.addAll(List.of("--catalog", dir.resolve("catalog.json").toString()));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DestinationRunner.run(args.toArray(String[]::new), new ByteArrayInputStream(stdin.getBytes(
        StandardCharsets.UTF_8)), out);
    List<JsonNode> messages = new ArrayList<>();
    for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
      if (!line.isBlank()) {
        messages.add(ZendeskFixtures.MAPPER.readTree(line));
      }
    }
    return messages;
  }

  private static List<JsonNode> ofType(List<JsonNode> messages, String type) {
    return messages.stream().filter(m -> type.equals(m.path("type").asText())).toList();
  }

  private JsonNode status(JsonNode config) throws Exception {
    return ofType(run("check", config, null, ""), "CONNECTION_STATUS").get(0).path("connectionStatus");
  }

  @Test
  void specOffersOAuthAndTheDeprecatedApiTokenWithSecretsMarked() throws Exception {
    JsonNode spec = ofType(run("spec", null, null, ""), "SPEC").get(0).path("spec").path("connectionSpecification");
    JsonNode options = spec.path("properties").path("credentials").path("oneOf");

    assertThat(options).hasSize(3);
    assertThat(options.get(0).path("properties").path("refresh_token").path("airbyte_secret").asBoolean()).isTrue();
    assertThat(options.get(2).path("description").asText()).contains("30 April 2027");
    assertThat(options.get(2).path("properties").path("api_token").path("airbyte_secret").asBoolean()).isTrue();
    assertThat(spec.path("required").toString()).contains("subdomain").contains("credentials");
  }

  @Test
  void checkSaysWhatToFix(EmulatorServer server, ZendeskEmulator zendesk) throws Exception {
    ObjectNode good = ZendeskFixtures.apiTokenConfig(server);
    ObjectNode bad = ZendeskFixtures.apiTokenConfig(server);
    ((ObjectNode) bad.get("credentials")).put("api_token", "wrong-token-123");

    assertThat(status(good).path("status").asText()).isEqualTo("SUCCEEDED");
    JsonNode refused = status(bad);
    assertThat(refused.path("status").asText()).isEqualTo("FAILED");
    assertThat(refused.path("message").asText()).contains("agent email and API token").doesNotContain("wrong-token");

    ObjectNode withUsers = ZendeskFixtures.oauthConfig(server);
    withUsers.putArray("mappings").addObject().put("source_stream", "people").put("destination_object", "users")
        .put("operation", "upsert").put("matching_key", "external_id");
    zendesk.bulkImportEnabled(false);
    JsonNode disabled = status(withUsers);
    assertThat(disabled.path("message").asText()).contains("bulk user import is disabled")
        .contains("Data imports are not enabled");
  }

  @Test
  void checkAsksForBulkImportOnlyWhenUsersAreInsertedOrUpserted(EmulatorServer server, ZendeskEmulator zendesk)
      throws Exception {
    ObjectNode updatesOnly = ZendeskFixtures.oauthConfig(server);
    updatesOnly.putArray("mappings").addObject().put("source_stream", "people").put("destination_object", "users")
        .put("operation", "update").put("matching_key", "external_id");
    zendesk.bulkImportEnabled(false);

    assertThat(status(updatesOnly).path("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(server.requests().count("POST", "/api/v2/users/create_or_update_many")).isZero();
  }

  @Test
  void theEngineKeepsAtMostThirtyJobsInFlightSoZendeskNeverAnswersTooManyJobs(EmulatorServer server,
      ZendeskEmulator zendesk) throws Exception {
    PlatformSyncInput input = new PlatformSyncInput();
    List<JsonNode> records = new ArrayList<>();
    for (int i = 0; i < 3_600; i++) {
      ObjectNode data = ZendeskFixtures.MAPPER.createObjectNode().put("external_id", "c-" + i).put("name", "U" + i);
      records.add(data);
      input.record("people", data);
    }
    input.streamState("people").complete("people");
    String catalog = ConfiguredCatalogs.forSync(1).stream("people", "users", "append_dedup",
        List.of("external_id"), records).json();
    zendesk.holdJobs();
    ExecutorService thread = Executors.newSingleThreadExecutor();
    try {
      Future<List<JsonNode>> sync = thread.submit(() -> run("write", ZendeskFixtures.apiTokenConfig(server)
          .put("concurrency", 40), catalog, String.join("\n", input.lines()) + "\n"));
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (zendesk.activeJobs() < 30 && !sync.isDone() && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      assertThat(zendesk.activeJobs()).isEqualTo(30);
      zendesk.releaseJobs();
      List<JsonNode> messages = sync.get();

      assertThat(ofType(messages, "STATE")).hasSize(input.states().size());
      assertThat(server.objects("users")).hasSize(3_600);
      assertThat(server.requests().entries().stream().filter(e -> e.status() == 429).count()).isZero();
      assertThat(server.requests().entries().stream().filter(e -> e.path().equals("/api/v2/job_statuses/show_many"))
          .mapToInt(e -> e.query().getOrDefault("ids", "").split(",").length).max().orElse(0))
          .as("polls ask about several jobs at once").isGreaterThan(1);
    } finally {
      zendesk.releaseJobs();
      thread.shutdownNow();
    }
  }

  @Test
  void writeEchoesStatesAndPersistsTheRotatedRefreshTokenWithAControlMessage(EmulatorServer server,
      ZendeskEmulator zendesk) throws Exception {
    PlatformSyncInput input = new PlatformSyncInput();
    List<JsonNode> records = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      ObjectNode data = ZendeskFixtures.MAPPER.createObjectNode().put("external_id", "acc-" + i)
          .put("name", "Account " + i).put("health_score", i % 100).put("plan", i == 7 ? "bogus" : "pro");
      records.add(data);
      input.record("accounts", data);
      if (i % 100 == 99) {
        input.streamState("accounts");
      }
    }
    input.streamState("accounts").complete("accounts");
    String catalog = ConfiguredCatalogs.forSync(1).stream("accounts", "users", "append_dedup",
        List.of("external_id"), records).json();

    List<JsonNode> messages = run("write", ZendeskFixtures.oauthConfig(server), catalog,
        String.join("\n", input.lines()) + "\n");

    List<JsonNode> states = ofType(messages, "STATE");
    assertThat(states).hasSize(input.states().size());
    JsonNode control = ofType(messages, "CONTROL").get(0).path("control").path("connectorConfig").path("config");
    assertThat(control.path("credentials").path("refresh_token").asText()).isEqualTo(zendesk.currentRefreshToken());
    assertThat(server.objects("users")).hasSize(249);
    double rejected = states.stream().mapToDouble(s -> s.path("state").path("destinationStats")
        .path("rejectedRecordCount").asDouble()).sum();
    assertThat(rejected).isEqualTo(1);
    assertThat(ofType(messages, "LOG").toString()).doesNotContain("sandbox-zendesk-secret")
        .doesNotContain(zendesk.currentRefreshToken());
  }
}
