package io.activationsuite.destination.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.junit.SandboxTest;
import io.activationsuite.testkit.messages.ConfiguredCatalogs;
import io.activationsuite.testkit.messages.PlatformSyncInput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tickets whose assignee and requester are given by email: ids from users/search, cached, unknown rejected. */
@SandboxTest("zendesk")
class ZendeskLookupTest {
  @TempDir
  Path dir;

  private static void field(ObjectNode entry, String destination, ObjectNode source, String lookup) {
    ObjectNode mapping = entry.withArray("fields").addObject().put("destination_field", destination);
    mapping.set("source", source);
    if (lookup != null) {
      mapping.put("lookup", lookup);
    }
  }

  private static ObjectNode path(String path) {
    return ZendeskFixtures.MAPPER.createObjectNode().put("mapping_type", "source_path").put("source_path", path);
  }

  @Test
  void givenTicketsWithAssigneeAndRequesterEmails_whenWritten_thenIdsAreSetNonAgentsRejectedAndEmailsAskedOnce(
      EmulatorServer server) throws Exception {
    ObjectNode config = ZendeskFixtures.apiTokenConfig(server);
    ObjectNode entry = config.putArray("mappings").addObject().put("source_stream", "escalations")
        .put("destination_object", "tickets").put("operation", "insert");
    field(entry, "subject", path("subject"), null);
    field(entry, "comment_body", path("subject"), null);
    field(entry, "assignee_id", path("owner"), "agent_by_email");
    field(entry, "requester_id", ZendeskFixtures.MAPPER.createObjectNode().put("mapping_type", "constant")
        .put("constant", "carol@example.com"), "user_by_email");
    String[] owners = {"alice@example.com", "BOB@example.com", "erin@example.com", "alice@example.com",
        "bob@example.com", "erin@example.com", "Alice@example.com"};
    PlatformSyncInput input = new PlatformSyncInput();
    List<JsonNode> records = new ArrayList<>();
    for (int i = 0; i < owners.length; i++) {
      ObjectNode data = ZendeskFixtures.MAPPER.createObjectNode().put("subject", "Escalation " + i)
          .put("owner", owners[i]);
      records.add(data);
      input.record("escalations", data);
    }
    input.streamState("escalations").complete("escalations");
    String catalog = ConfiguredCatalogs.forSync(1).stream("escalations", "tickets", "append", List.of(), records)
        .json();

    List<JsonNode> messages = ZendeskFixtures.runWrite(dir, config, catalog, String.join("\n", input.lines()) + "\n");

    List<JsonNode> tickets = new ArrayList<>();
    server.objects("tickets").forEach(tickets::add);
    assertThat(tickets).as(messages.toString()).hasSize(5);
    assertThat(tickets).allSatisfy(t -> {
      assertThat(t.path("assignee_id").asLong()).isIn(2L, 3L);
      assertThat(t.path("requester_id").asLong()).isEqualTo(4L);
    });
    JsonNode state = messages.stream().filter(m -> m.path("type").asText().equals("STATE")).findFirst().orElseThrow();
    assertThat(state.at("/state/destinationStats/rejectedRecordCount").asInt()).isEqualTo(2);
    assertThat(messages.toString()).contains("lookup_not_found=2");
    assertThat(server.requests().matching(e -> e.path().startsWith("/api/v2/users/search")))
        .as("3 distinct assignee emails and 1 requester email").hasSizeBetween(2, 4);
  }
}
