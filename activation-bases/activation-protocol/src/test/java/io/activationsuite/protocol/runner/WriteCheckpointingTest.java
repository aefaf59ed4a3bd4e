package io.activationsuite.protocol.runner;

import static io.activationsuite.protocol.runner.Messages.catalog;
import static io.activationsuite.protocol.runner.Messages.complete;
import static io.activationsuite.protocol.runner.Messages.globalState;
import static io.activationsuite.protocol.runner.Messages.record;
import static io.activationsuite.protocol.runner.Messages.status;
import static io.activationsuite.protocol.runner.Messages.streamState;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.protocol.model.Json;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteCheckpointingTest {
  @TempDir Path dir;
  RunnerHarness harness;
  Path catalog;

  @BeforeEach
  void setUp() {
    harness = new RunnerHarness(dir);
    catalog = harness.file("catalog.json", catalog("users", "orders"));
  }

  private Path config(String mode) {
    return harness.file("config-" + mode + ".json", "{\"api_key\":\"k-123456\",\"mode\":\"" + mode + "\"}");
  }

  private int write(String mode, String... lines) {
    return harness.run(String.join("\n", lines) + "\n",
        "write", "--config", config(mode).toString(), "--catalog", catalog.toString());
  }

  @Test
  void givenRecordsAndStates_whenWritten_thenEveryStateEchoedOnceInOrderWithUnknownFieldsAndStats() throws Exception {
    int exit = write("immediate",
        record("users", "{\"id\":1}"), record("users", "{\"id\":2}"), streamState("users", 2, 7, 2),
        record("users", "{\"id\":3}"), streamState("users", 3, 8, 1),
        complete("users"), complete("orders"));

    assertThat(exit).isZero();
    List<JsonNode> states = harness.states();
    assertThat(states).hasSize(2);
    ObjectNode expectedFirst = (ObjectNode) Json.mapper().readTree(streamState("users", 2, 7, 2));
    ((ObjectNode) expectedFirst.get("state")).putObject("destinationStats")
        .put("recordCount", 2.0).put("rejectedRecordCount", 0.0);
    assertThat(states.get(0)).isEqualTo(expectedFirst);
    assertThat(states.get(0).path("state").path("id").asInt()).isEqualTo(7);
    assertThat(states.get(1).path("state").path("destinationStats").path("recordCount").asDouble()).isEqualTo(1.0);
    assertThat(harness.stdout()).contains("\"recordCount\":2.0");
  }

  @Test
  void givenGatedDestination_whenStateArrives_thenItIsEchoedOnlyAfterEveryEarlierRecordEnds() throws Exception {
    FakeDestination.GATE.reset(4);
    RunnerHarness.Background run = harness.start(
        "write", "--config", config("gated").toString(), "--catalog", catalog.toString());
    run.send(record("users", "{\"id\":1}"), record("users", "{\"id\":2}"), record("users", "{\"id\":3}"),
        streamState("users", 3, 1, 3));
    assertThat(FakeDestination.GATE.awaitArrivals()).isTrue();

    assertThat(harness.states()).isEmpty();
    FakeDestination.GATE.acknowledge(2);
    FakeDestination.GATE.acknowledge(0);
    assertThat(harness.states()).as("one record still in flight").isEmpty();

    FakeDestination.GATE.acknowledge(1);
    assertThat(harness.states()).hasSize(1);
    assertThat(harness.states().get(0).path("state").path("destinationStats").path("recordCount").asDouble())
        .isEqualTo(3.0);
    run.send(complete("users"), complete("orders"));
    assertThat(run.finish()).isZero();
  }

  @Test
  void givenInterleavedStreamsAckedInReverse_whenWritten_thenPerStreamOrderAndCountsHold() {
    int exit = write("reversed",
        record("users", "{\"id\":1}"), record("orders", "{\"id\":1}"), record("users", "{\"id\":2}"),
        streamState("users", 1, 1, 2), record("orders", "{\"id\":2}"), streamState("orders", 1, 2, 2),
        record("users", "{\"id\":3}"), streamState("users", 2, 3, 1), streamState("orders", 2, 4, 0),
        complete("users"), complete("orders"));

    assertThat(exit).isZero();
    List<JsonNode> states = harness.states();
    assertThat(states).extracting(s -> s.path("state").path("id").asInt()).containsExactlyInAnyOrder(1, 2, 3, 4);
    assertThat(idsOfStream(states, "users")).containsExactly(1, 3);
    assertThat(idsOfStream(states, "orders")).containsExactly(2, 4);
    assertThat(states).allSatisfy(s -> assertThat(
        s.path("state").path("destinationStats").path("recordCount").asDouble())
        .isEqualTo(s.path("state").path("sourceStats").path("recordCount").asDouble()));
  }

  @Test
  void givenGlobalStates_whenWritten_thenCountsCoverEveryStreamSinceThePreviousGlobalState() {
    int exit = write("reversed",
        record("users", "{\"id\":1}"), record("orders", "{\"id\":1}"), globalState(1, 10),
        record("orders", "{\"id\":2}"), record("users", "{\"reject\":true}"), record("users", "{\"id\":3}"),
        globalState(2, 11), complete("users"), complete("orders"));

    assertThat(exit).isZero();
    List<JsonNode> states = harness.states();
    assertThat(states).extracting(s -> s.path("state").path("id").asInt()).containsExactly(10, 11);
    assertThat(states.get(0).path("state").path("destinationStats").path("recordCount").asDouble()).isEqualTo(2.0);
    assertThat(states.get(1).path("state").path("destinationStats").path("recordCount").asDouble()).isEqualTo(2.0);
    assertThat(states.get(1).path("state").path("destinationStats").path("rejectedRecordCount").asDouble())
        .isEqualTo(1.0);
    assertThat(states.get(1).path("state").path("global").path("shared_state").path("lsn").asInt()).isEqualTo(2);
  }

  @Test
  void givenMalformedLines_whenWritten_thenTheyAreRejectedAndCountedInTheirStreamAndTheSyncSucceeds() {
    int exit = write("immediate",
        record("users", "{\"id\":1}"),
        "{\"type\":\"RECORD\",\"record\":{\"stream\":\"users\",\"namespace\":\"ns\",\"data\":{\"id\":2,,}}}",
        record("users", "[1,2]"),
        "this is not json at all",
        streamState("users", 1, 5, 3),
        complete("users"), complete("orders"));

    assertThat(exit).isZero();
    JsonNode stats = harness.states().get(0).path("state").path("destinationStats");
    assertThat(stats.path("recordCount").asDouble()).isEqualTo(1.0);
    assertThat(stats.path("rejectedRecordCount").asDouble()).isEqualTo(2.0);
    assertThat(harness.messages("LOG")).anySatisfy(log ->
        assertThat(log.path("log").path("message").asText()).contains("line 4"));
  }

  @Test
  void givenMalformedState_whenWritten_thenEarnedStatesAreEchoedThenTheSyncFailsWithATrace() {
    int exit = write("immediate",
        record("users", "{\"id\":1}"), streamState("users", 1, 1, 1), record("users", "{\"id\":2}"),
        "{\"type\":\"STATE\",\"state\":{\"type\":\"STREAM\",\"stream\":{}}}",
        record("users", "{\"id\":3}"), streamState("users", 3, 3, 1));

    assertThat(exit).isNotZero();
    assertThat(harness.states()).extracting(s -> s.path("state").path("id").asInt()).containsExactly(1);
    List<ObjectNode> traces = harness.messages("TRACE");
    assertThat(traces).hasSize(1);
    assertThat(traces.get(0).path("trace").path("error").path("failure_type").asText()).isEqualTo("system_error");
    assertThat(traces.get(0).path("trace").path("error").path("message").asText()).contains("line 4", "STATE");
  }

  @Test
  void givenIncompleteStream_whenWritten_thenStatesAreEchoedAndATransientTraceNamesTheStream() {
    int exit = write("immediate",
        record("users", "{\"id\":1}"), streamState("users", 1, 1, 1), status("users", "INCOMPLETE"),
        complete("orders"));

    assertThat(exit).isNotZero();
    assertThat(harness.states()).hasSize(1);
    JsonNode error = harness.messages("TRACE").get(0).path("trace").path("error");
    assertThat(error.path("failure_type").asText()).isEqualTo("transient_error");
    assertThat(error.path("message").asText()).contains("ns.users", "INCOMPLETE");
  }

  @Test
  void givenInputEndingWithoutComplete_whenWritten_thenTheSyncEndsWithATrace() {
    int exit = write("immediate", record("users", "{\"id\":1}"), streamState("users", 1, 1, 1));

    assertThat(exit).isNotZero();
    assertThat(harness.states()).hasSize(1);
    assertThat(harness.messages("TRACE").get(0).path("trace").path("error").path("message").asText())
        .contains("no COMPLETE status");
  }

  @Test
  void givenDestinationFailsAfterSomeStates_whenWritten_thenEarnedStatesComeFirstThenOneTransientTrace()
      throws Exception {
    FakeDestination.GATE.reset(3);
    FakeDestination.GATE.failDrain = true;
    RunnerHarness.Background run = harness.start(
        "write", "--config", config("gated").toString(), "--catalog", catalog.toString());
    run.send(record("users", "{\"id\":1}"), streamState("users", 1, 1, 1), record("users", "{\"id\":2}"));
    assertThat(FakeDestination.GATE.awaitArrivals()).isTrue();
    FakeDestination.GATE.acknowledge(0);

    assertThat(run.finish()).isNotZero();
    List<ObjectNode> messages = harness.messages();
    List<String> kinds = messages.stream()
        .map(m -> m.path("type").asText()).filter(t -> !t.equals("LOG")).toList();
    assertThat(kinds).containsExactly("STATE", "TRACE");
    assertThat(harness.messages("TRACE").get(0).path("trace").path("error").path("failure_type").asText())
        .isEqualTo("transient_error");
  }

  @Test
  void everyStdoutLineIsOneJsonMessage() {
    write("immediate", record("users", "{\"id\":1}"), streamState("users", 1, 1, 1), complete("users"));

    for (String line : harness.stdout().split("\n")) {
      assertThat(line).startsWith("{\"type\":");
    }
  }

  private static List<Integer> idsOfStream(List<JsonNode> states, String stream) {
    return states.stream()
        .filter(s -> s.path("state").path("stream").path("stream_descriptor").path("name").asText().equals(stream))
        .map(s -> s.path("state").path("id").asInt())
        .toList();
  }
}
