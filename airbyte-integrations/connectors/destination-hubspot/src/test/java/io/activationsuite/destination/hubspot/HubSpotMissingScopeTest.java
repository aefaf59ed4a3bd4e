package io.activationsuite.destination.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.junit.SandboxTest;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@SandboxTest(value = "hubspot", properties = {
    "hubspot.private-app-scopes=crm.objects.companies.read,crm.objects.companies.write,crm.schemas.companies.read"})
class HubSpotMissingScopeTest {

  private final HubSpotFixtures fixtures = new HubSpotFixtures();

  @TempDir
  Path dir;

  @Test
  void checkNamesTheMissingContactsWriteScope(EmulatorServer server) {
    ObjectNode config = HubSpotFixtures.privateAppConfig(server);
    ObjectNode mapping = config.putArray("mappings").addObject();
    mapping.put("source_stream", "users").put("destination_object", "contacts").put("operation", "upsert")
        .put("matching_key", "email");

    JsonNode status = new RunnerHarness(dir).run("check", config, null, "").only("CONNECTION_STATUS")
        .path("connectionStatus");

    assertThat(status.path("status").asText()).isEqualTo("FAILED");
    assertThat(status.path("message").asText()).contains("crm.objects.contacts.write").contains("contacts");
  }

  @Test
  void checkWithoutObjectsSucceedsWhenSomeObjectIsWritable(EmulatorServer server) throws Exception {
    try (HubSpotSession session = fixtures.open(HubSpotFixtures.privateAppConfig(server))) {
      assertThat(session.check(Set.of()).status().name()).isEqualTo("SUCCEEDED");
      assertThat(session.check(Set.of("companies")).status().name()).isEqualTo("SUCCEEDED");
    }
  }

  @Test
  void discoverLeavesOutObjectsTheTokenCannotRead(EmulatorServer server) throws Exception {
    try (HubSpotSession session = fixtures.open(HubSpotFixtures.privateAppConfig(server))) {
      assertThat(session.objects()).extracting(o -> o.name()).containsExactly("companies");
    }
  }
}
