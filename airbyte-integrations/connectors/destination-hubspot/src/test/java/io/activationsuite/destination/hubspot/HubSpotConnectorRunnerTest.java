package io.activationsuite.destination.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.junit.SandboxTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@SandboxTest("hubspot")
class HubSpotConnectorRunnerTest {

  @TempDir
  Path dir;

  private RunnerHarness harness() {
    return new RunnerHarness(dir);
  }

  private static List<Map<String, Object>> contacts(int count, String prefix) {
    List<Map<String, Object>> records = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("email", prefix + i + "@example.com");
      data.put("firstname", "Person " + i);
      data.put("lifetime_value", i * 1.5);
      records.add(data);
    }
    return records;
  }

  @Test
  void specOffersPrivateAppAndOAuthWithSecretsMarked() {
    RunnerHarness.Run run = harness().run("spec", null, null, "");

    JsonNode spec = run.only("SPEC").path("spec").path("connectionSpecification");
    JsonNode credentials = spec.path("properties").path("credentials");
    assertThat(credentials.path("oneOf")).hasSize(2);
    assertThat(credentials.path("oneOf").get(0).path("properties").path("access_token").path("airbyte_secret")
        .asBoolean()).isTrue();
    JsonNode oauth = credentials.path("oneOf").get(1).path("properties");
    assertThat(oauth.path("client_secret").path("airbyte_secret").asBoolean()).isTrue();
    assertThat(oauth.path("refresh_token").path("airbyte_secret").asBoolean()).isTrue();
    assertThat(spec.path("properties").path("rate_limit_tier").path("default").asText())
        .isEqualTo("professional_enterprise");
    assertThat(spec.path("properties").path("base_url").path("airbyte_hidden").asBoolean()).isTrue();
    assertThat(spec.path("required").toString()).contains("credentials");
  }

  @Test
  void checkSucceedsWithAValidTokenAndFailsWithABadOne(EmulatorServer server) {
    ObjectNode good = HubSpotFixtures.privateAppConfig(server);
    ObjectNode bad = HubSpotFixtures.privateAppConfig(server);
    ((ObjectNode) bad.get("credentials")).put("access_token", "pat-na1-wrong");

    JsonNode ok = harness().run("check", good, null, "").only("CONNECTION_STATUS").path("connectionStatus");
    JsonNode failed = harness().run("check", bad, null, "").only("CONNECTION_STATUS").path("connectionStatus");

    assertThat(ok.path("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(failed.path("status").asText()).isEqualTo("FAILED");
    assertThat(failed.path("message").asText()).contains("private app access token").doesNotContain("pat-na1-wrong");
  }

  @Test
  void aMissingCredentialIsReportedForTheChosenAuthTypeOnlyAtCheckAndWrite(EmulatorServer server) {
    ObjectNode config = HubSpotFixtures.oauthConfig(server);
    ((ObjectNode) config.get("credentials")).remove("refresh_token");

    JsonNode status = harness().run("check", config, null, "").only("CONNECTION_STATUS").path("connectionStatus");
    RunnerHarness.Run write = harness().run("write", config,
        RunnerHarness.catalog("users", "contacts", "append_dedup", "email"), "");

    assertThat(status.path("status").asText()).isEqualTo("FAILED");
    assertThat(status.path("message").asText()).contains("refresh_token").doesNotContain("access_token")
        .doesNotContain("one and only one");
    assertThat(write.exitCode()).isNotZero();
    JsonNode error = write.ofType("TRACE").get(0).path("trace").path("error");
    assertThat(error.path("failure_type").asText()).isEqualTo("config_error");
    assertThat(error.path("message").asText()).contains("refresh_token").doesNotContain("access_token");
  }

  @Test
  void aConfigThatNamesNoAuthTypeIsToldTheChoices(EmulatorServer server) {
    ObjectNode config = HubSpotFixtures.privateAppConfig(server);
    ((ObjectNode) config.get("credentials")).remove("auth_type");

    JsonNode status = harness().run("check", config, null, "").only("CONNECTION_STATUS").path("connectionStatus");

    assertThat(status.path("message").asText()).contains("credentials.auth_type': must be one of private_app, oauth2")
        .doesNotContain("client_secret");
  }

  @Test
  void checkWithOAuthRefreshesAndIntrospectsTheToken(EmulatorServer server) {
    JsonNode status = harness().run("check", HubSpotFixtures.oauthConfig(server), null, "")
        .only("CONNECTION_STATUS").path("connectionStatus");

    assertThat(status.path("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(server.requests().count("POST", "/oauth/v1/token")).isEqualTo(1);
    assertThat(server.requests().count("GET", "/oauth/v1/access-tokens/")).isEqualTo(1);
  }

  @Test
  void discoverDescribesWritableFieldsTypesAndMatchingKeys(EmulatorServer server) {
    JsonNode catalog = harness().run("discover", HubSpotFixtures.privateAppConfig(server), null, "")
        .only("DESTINATION_CATALOG").path("destination_catalog");

    JsonNode contacts = null;
    List<String> names = new ArrayList<>();
    for (JsonNode operation : catalog.path("operations")) {
      names.add(operation.path("object_name").asText());
      if ("contacts".equals(operation.path("object_name").asText())
          && "append_dedup".equals(operation.path("sync_mode").asText())) {
        contacts = operation;
      }
    }
    assertThat(names).contains("contacts", "companies", "deals", "tickets", "products", "subscriptions");
    assertThat(contacts).as("contacts upsert operation in %s", catalog).isNotNull();
    JsonNode properties = contacts.path("json_schema").path("properties");
    assertThat(properties.has("email")).isTrue();
    assertThat(properties.has("firstname")).isTrue();
    assertThat(properties.has("num_associated_deals")).as("calculated property").isFalse();
    assertThat(properties.has("createdate")).as("read-only property").isFalse();
    for (JsonNode key : contacts.path("matching_keys")) {
      assertThat(properties.has(key.get(0).asText())).as("matching key %s in properties", key).isTrue();
    }
    assertThat(contacts.path("matching_keys").toString()).contains("email");
  }

  @Test
  void writeUpsertsThroughTheRunnerAndRejectsOnlyTheBadRecord(EmulatorServer server) {
    List<Map<String, Object>> records = contacts(250, "user");
    records.get(42).put("lifecyclestage", "not-a-stage");

    RunnerHarness.Run run = harness().run("write", HubSpotFixtures.privateAppConfig(server),
        RunnerHarness.catalog("users", "contacts", "append_dedup", "email"),
        RunnerHarness.input("users", records, 100));

    assertThat(run.exitCode()).as("messages %s", run.messages()).isZero();
    assertThat(run.ofType("STATE")).hasSize(3);
    double[] counts = RunnerHarness.stateCounts(run);
    assertThat(counts[0]).isEqualTo(249.0);
    assertThat(counts[1]).isEqualTo(1.0);
    assertThat(HubSpotFixtures.live(server, "contacts")).hasSize(249);
    assertThat(HubSpotFixtures.byProperty(server, "contacts", "email", "user42@example.com")).isNull();
  }

  @Test
  void writeRidesOutA429StormAndLandsEverything(EmulatorServer server) {
    server.faults().throttleFor(Duration.ofSeconds(2));
    List<Map<String, Object>> records = contacts(300, "storm");

    RunnerHarness.Run run = harness().run("write", HubSpotFixtures.privateAppConfig(server),
        RunnerHarness.catalog("users", "contacts", "append_dedup", "email"),
        RunnerHarness.input("users", records, 100));

    assertThat(run.exitCode()).as("messages %s", run.messages()).isZero();
    assertThat(RunnerHarness.stateCounts(run)[0]).isEqualTo(300.0);
    assertThat(HubSpotFixtures.live(server, "contacts")).hasSize(300);
    assertThat(server.requests().matching(e -> e.status() == 429)).isNotEmpty();
  }

  @Test
  void dailyLimitEndsTheSyncCleanlyWithATransientError(EmulatorServer server) {
    server.faults().update(c -> new io.activationsuite.sandbox.FaultConfig(c.seed(), c.latency(),
        c.rateLimitBudget(), c.rateLimitIntervalMillis(), 6L, c.serverErrorRatio(), c.serverErrorStatus(),
        c.connectionResetRatio(), c.timeoutRatio(), c.timeoutHoldMillis(), c.tokenLifetimeSeconds()));
    List<Map<String, Object>> records = contacts(2_000, "daily");

    RunnerHarness.Run run = harness().run("write", HubSpotFixtures.privateAppConfig(server),
        RunnerHarness.catalog("users", "contacts", "append_dedup", "email"),
        RunnerHarness.input("users", records, 100));

    JsonNode error = run.ofType("TRACE").stream().filter(t -> "ERROR".equals(t.path("trace").path("type").asText()))
        .findFirst().orElseThrow(() -> new AssertionError("no error trace in " + run.messages()));
    assertThat(error.path("trace").path("error").path("failure_type").asText()).isEqualTo("transient_error");
    assertThat(error.path("trace").path("error").path("message").asText()).containsIgnoringCase("daily");
    assertThat(run.exitCode()).isNotZero();
    double landed = HubSpotFixtures.live(server, "contacts").size();
    assertThat(RunnerHarness.stateCounts(run)[0]).isLessThanOrEqualTo(landed);
  }
}
