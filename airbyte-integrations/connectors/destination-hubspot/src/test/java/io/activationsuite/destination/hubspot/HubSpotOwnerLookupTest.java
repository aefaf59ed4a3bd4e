package io.activationsuite.destination.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.junit.SandboxTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Contact owners given by email: hubspot_owner_id from the owners API, cached per sync, unknown rejected. */
@SandboxTest("hubspot")
class HubSpotOwnerLookupTest {
  @TempDir
  Path dir;

  static ObjectNode withOwnerMapping(ObjectNode config, String lookup) {
    ObjectNode entry = config.putArray("mappings").addObject().put("source_stream", "users")
        .put("destination_object", "contacts").put("operation", "upsert").put("matching_key", "email");
    for (String[] field : new String[][] {{"email", "email"}, {"hubspot_owner_id", "owner"}}) {
      ObjectNode mapping = entry.withArray("fields").addObject().put("destination_field", field[0]);
      mapping.putObject("source").put("mapping_type", "source_path").put("source_path", field[1]);
      if (field[0].equals("hubspot_owner_id")) {
        mapping.put("lookup", lookup);
      }
    }
    return config;
  }

  @Test
  void givenContactOwnersByEmail_whenWritten_thenOwnerIdsAreSetAndUnknownOrArchivedOwnersAreRejected(
      EmulatorServer server) {
    String[] owners = {"alice@example.com", "BOB@example.com", "erin@example.com", "Alice@example.com",
        "bob@example.com", "erin@example.com", "alice@example.com", "bob@example.com"};
    List<Map<String, Object>> records = new ArrayList<>();
    for (int i = 0; i < owners.length; i++) {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("email", "c" + i + "@example.com");
      data.put("owner", owners[i]);
      records.add(data);
    }

    RunnerHarness.Run run = new RunnerHarness(dir).run("write",
        withOwnerMapping(HubSpotFixtures.privateAppConfig(server), "owner_by_email"),
        RunnerHarness.catalog("users", "contacts", "append_dedup", "email"), RunnerHarness.input("users", records, 4));

    assertThat(run.exitCode()).as("messages %s", run.messages()).isZero();
    assertThat(HubSpotFixtures.live(server, "contacts")).hasSize(6);
    JsonNode first = HubSpotFixtures.byProperty(server, "contacts", "email", "c0@example.com");
    assertThat(first.path("properties").path("hubspot_owner_id").asText()).isEqualTo("101");
    JsonNode second = HubSpotFixtures.byProperty(server, "contacts", "email", "c1@example.com");
    assertThat(second.path("properties").path("hubspot_owner_id").asText()).isEqualTo("102");
    assertThat(HubSpotFixtures.byProperty(server, "contacts", "email", "c2@example.com")).isNull();
    assertThat(RunnerHarness.stateCounts(run)[1]).as("rejected").isEqualTo(2.0);
    assertThat(run.ofType("LOG").toString()).contains("lookup_not_found=2");
    assertThat(server.requests().matching(e -> e.path().startsWith("/crm/v3/owners")))
        .as("the owners list read once for 3 distinct owner emails").hasSize(1);
  }

  @Test
  void givenLookupHubSpotDoesNotOffer_whenChecked_thenFailedNamesTheMappingFieldAndTheLookupsOffered(
      EmulatorServer server) {
    RunnerHarness.Run run = new RunnerHarness(dir).run("check",
        withOwnerMapping(HubSpotFixtures.privateAppConfig(server), "user_by_email"), null, "");

    JsonNode status = run.only("CONNECTION_STATUS").path("connectionStatus");
    assertThat(status.path("status").asText()).isEqualTo("FAILED");
    assertThat(status.path("message").asText()).contains("mappings entry for 'users'")
        .contains("lookup 'user_by_email' is not offered").contains("owner_by_email");
  }
}
