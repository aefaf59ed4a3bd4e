package io.activationsuite.destination.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.junit.SandboxTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A mapping that uses owner_by_email needs the owners scope: check says so before any sync starts. */
@SandboxTest(value = "hubspot", properties =
    "hubspot.private-app-scopes=crm.objects.contacts.read,crm.objects.contacts.write,crm.schemas.contacts.read")
class HubSpotOwnersScopeTest {
  @TempDir
  Path dir;

  @Test
  void givenAnOwnerLookupAndATokenWithoutTheOwnersScope_whenChecked_thenFailedNamesTheMissingScope(
      EmulatorServer server) {
    JsonNode status = new RunnerHarness(dir).run("check", HubSpotOwnerLookupTest.withOwnerMapping(
        HubSpotFixtures.privateAppConfig(server), "owner_by_email"), null, "").only("CONNECTION_STATUS")
        .path("connectionStatus");

    assertThat(status.path("status").asText()).isEqualTo("FAILED");
    assertThat(status.path("message").asText()).contains("owner_by_email").contains("crm.objects.owners.read");
    assertThat(server.requests().matching(e -> e.path().startsWith("/crm/v3/owners"))).isEmpty();
  }

  @Test
  void givenATokenWithoutTheOwnersScope_whenOwnersAreRead_thenTheSandboxAnswersMissingScopes(EmulatorServer server)
      throws Exception {
    try (HubSpotSession session = new HubSpotFixtures().open(HubSpotFixtures.privateAppConfig(server))) {
      var lookup = session.lookups().get(0);

      assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> lookup.source().resolve(
          java.util.Set.of("alice@example.com")))).hasMessageContaining("crm.objects.owners.read");
    }
  }
}
