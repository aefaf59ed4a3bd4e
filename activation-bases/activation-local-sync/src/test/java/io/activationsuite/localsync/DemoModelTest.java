package io.activationsuite.localsync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The five demo sync files against the shipped sample model, without connectors: every stream's query runs
 * in DuckDB and yields rows, and the model carries what each use case needs (members entering and leaving a
 * segment, owners on anomalies). The HubSpot sync is also run end to end by {@link LocalSyncEndToEndTest}.
 */
class DemoModelTest {
  private static final Path SYNCS = Path.of("demo/syncs").toAbsolutePath();

  @ParameterizedTest
  @ValueSource(strings = {"salesforce", "hubspot", "braze", "zendesk", "slack"})
  void givenADemoSyncFile_whenItsQueriesRun_thenEveryStreamYieldsRows(String destination) throws Exception {
    SyncFile file = new SyncFileLoader().load(SYNCS.resolve(destination + ".yaml"));

    assertThat(file.destination()).isEqualTo(destination);
    try (ModelReader reader = new ModelReader(file.database(), file.baseDirectory(), file.setup())) {
      for (SyncFile.StreamSpec stream : file.streams()) {
        reader.validate(stream.name(), stream.query());
        long rows = reader.read(stream.query(), stream.fields(), row -> { });
        assertThat(rows).as("rows of stream %s", stream.name()).isPositive();
      }
    }
  }

  @Test
  void givenTheBrazeSegmentChanges_whenRead_thenMembersBothEnterAndLeaveASegment() throws Exception {
    SyncFile file = new SyncFileLoader().load(SYNCS.resolve("braze.yaml"));
    SyncFile.StreamSpec changes = file.streams().stream()
        .filter(s -> s.name().equals("health_segment_changes")).findFirst().orElseThrow();
    List<ObjectNode> events = new ArrayList<>();

    try (ModelReader reader = new ModelReader(file.database(), file.baseDirectory(), file.setup())) {
      reader.read(changes.query(), changes.fields(), events::add);
    }

    Map<String, Long> byName = events.stream()
        .collect(Collectors.groupingBy(e -> e.path("name").asText(), Collectors.counting()));
    assertThat(byName).containsOnlyKeys("entered_health_segment", "left_health_segment");
    assertThat(byName.values()).allSatisfy(count -> assertThat(count).isGreaterThan(50));
  }

  @Test
  void givenTheHighSeverityAnomalies_whenRead_thenEachHasAnOwner() throws Exception {
    SyncFile file = new SyncFileLoader().load(SYNCS.resolve("slack.yaml"));
    SyncFile.StreamSpec direct = file.streams().stream()
        .filter(s -> s.name().equals("high_severity_anomalies")).findFirst().orElseThrow();
    List<ObjectNode> rows = new ArrayList<>();

    try (ModelReader reader = new ModelReader(file.database(), file.baseDirectory(), file.setup())) {
      reader.read(direct.query(), direct.fields(), rows::add);
    }

    assertThat(rows).isNotEmpty()
        .allSatisfy(row -> assertThat(row.path("owner_email").asText()).endsWith("@example.com"));
  }
}
