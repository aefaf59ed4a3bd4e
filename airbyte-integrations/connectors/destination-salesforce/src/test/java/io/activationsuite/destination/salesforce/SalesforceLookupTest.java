package io.activationsuite.destination.salesforce;

import static io.activationsuite.destination.salesforce.ProtocolRun.recordLine;
import static io.activationsuite.destination.salesforce.ProtocolRun.run;
import static io.activationsuite.destination.salesforce.ProtocolRun.stateLine;
import static io.activationsuite.destination.salesforce.SalesforceTestSupport.config;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.junit.SandboxTest;
import io.activationsuite.sandbox.salesforce.SalesforceEmulator;
import io.activationsuite.sandbox.salesforce.UserDirectory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Lead owners given by email: OwnerId resolved with SOQL on User, cached for the sync, unknown owners rejected. */
@SandboxTest(value = "salesforce", properties = "salesforce.bulkProfile=instant")
class SalesforceLookupTest {
  @TempDir
  Path dir;

  static ObjectNode withLeadMapping(ObjectNode config) {
    ObjectNode entry = config.putArray("mappings").addObject().put("source_stream", "leads")
        .put("destination_object", "Lead").put("operation", "insert");
    for (String[] field : new String[][] {{"LastName", "last"}, {"Company", "company"}, {"OwnerId", "owner"}}) {
      ObjectNode mapping = entry.withArray("fields").addObject().put("destination_field", field[0]);
      mapping.putObject("source").put("mapping_type", "source_path").put("source_path", field[1]);
      if (field[0].equals("OwnerId")) {
        mapping.put("lookup", "user_by_email");
      }
    }
    return config;
  }

  @ParameterizedTest
  @ValueSource(strings = {"bulk", "collections"})
  void givenLeadOwnersByEmail_whenWritten_thenOwnerIdsAreTheUsersAndUnknownOrInactiveOwnersAreRejected(
      String strategy, EmulatorServer server, SalesforceEmulator sf) throws Exception {
    String[] owners = {"alice@example.com", "BOB@example.com", "erin@example.com", "Alice@Example.com",
        "bob@example.com", "alice@example.com", "erin@example.com", "bob@example.com", "alice@example.com"};
    StringBuilder input = new StringBuilder();
    for (int i = 0; i < owners.length; i++) {
      input.append(recordLine("leads", "{\"last\":\"L" + i + "\",\"company\":\"C" + i + "\",\"owner\":\""
          + owners[i] + "\"}"));
    }
    input.append(stateLine("leads", 1)).append(ProtocolRun.completeLine("leads"));

    ProtocolRun.Result result = run(dir, withLeadMapping(config(server, strategy)).put("bulk_threshold", 2),
        ProtocolRun.catalog("leads", null, "append", null), input.toString(), "write");

    assertThat(result.exitCode()).as(result.messages().toString()).isZero();
    List<Map<String, Object>> leads = sf.records("Lead");
    assertThat(leads).hasSize(7);
    assertThat(leads).filteredOn(l -> "L0".equals(l.get("LastName"))).singleElement()
        .satisfies(l -> assertThat(l.get("OwnerId")).isEqualTo(UserDirectory.id(2)));
    assertThat(leads).filteredOn(l -> "L1".equals(l.get("LastName"))).singleElement()
        .satisfies(l -> assertThat(l.get("OwnerId")).isEqualTo(UserDirectory.id(3)));
    assertThat(leads).extracting(l -> l.get("LastName")).doesNotContain("L2", "L6");
    JsonNode stats = result.ofType("STATE").get(0).path("state").path("destinationStats");
    assertThat(stats.path("rejectedRecordCount").asInt()).isEqualTo(2);
    assertThat(result.ofType("LOG").toString()).contains("lookup_not_found=2");
    long queries = server.requests().matching(e -> e.method().equals("GET") && e.path().endsWith("/query")).size();
    assertThat(queries).as("3 distinct owner emails").isBetween(1L, 3L);
  }
}
