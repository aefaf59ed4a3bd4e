package io.activationsuite.localsync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.protocol.model.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class StateVerifierTest {
  private final SourceMessages messages = new SourceMessages();
  private final StateVerifier verifier = new StateVerifier();

  private JsonNode echoed(long rows, long since, long id, double ack, double rejected) throws Exception {
    JsonNode message = Json.mapper().readTree(messages.state("ns", "users", rows, since, id));
    ((com.fasterxml.jackson.databind.node.ObjectNode) message.get("state")).putObject("destinationStats")
        .put("recordCount", ack).put("rejectedRecordCount", rejected);
    return message.get("state");
  }

  @Test
  void givenStatesEchoedInOrderWithMatchingCounts_thenNoProblemAndTotalsAdd() throws Exception {
    verifier.sent("users", 1, 10);
    verifier.sent("users", 2, 5);

    verifier.echoed(echoed(10, 10, 1, 9, 1));
    verifier.echoed(echoed(15, 5, 2, 5, 0));

    assertThat(verifier.problems()).isEmpty();
    assertThat(verifier.acknowledged("users")).isEqualTo(14);
    assertThat(verifier.rejected("users")).isEqualTo(1);
    assertThat(verifier.statesMissing()).isZero();
  }

  @Test
  void givenMergedRecordsInTheStats_thenTheyAreCountedAndTheReportSaysSo() throws Exception {
    verifier.sent("users", 1, 48);
    JsonNode state = echoed(48, 48, 1, 48, 0);
    ((com.fasterxml.jackson.databind.node.ObjectNode) state.get("destinationStats")).putObject("additionalStats")
        .put("mergedRecordCount", 1.0);

    verifier.echoed(state);

    assertThat(verifier.merged("users")).isEqualTo(1);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new ReportPrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8), Terminal.plain()).print(
        new SyncResult("hubspot", List.of(new StreamResult("users", "contacts", "append_dedup", 48,
            48, 0, 1, Duration.ofSeconds(1), null, verifier.merged("users"))), null, 0, null,
            List.of(), List.of()), false);
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .contains("users: 1 record merged into a later one with the same key");
  }

  @Test
  void givenWrongCountsOrOrder_thenEachIsReported() throws Exception {
    verifier.sent("users", 1, 10);
    verifier.sent("users", 2, 5);

    verifier.echoed(echoed(15, 5, 2, 5, 0));
    verifier.echoed(echoed(10, 10, 1, 8, 1));

    assertThat(verifier.problems()).hasSize(4);
    assertThat(verifier.problems().get(0)).contains("id 2 came back where id 1 was due");
  }
}
