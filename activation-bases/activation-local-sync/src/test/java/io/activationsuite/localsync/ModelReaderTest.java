package io.activationsuite.localsync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelReaderTest {
  @TempDir Path dir;

  @Test
  void givenACsvAndARelativePath_whenRead_thenRowsAreTypedAndRenamed() throws Exception {
    Files.writeString(dir.resolve("people.csv"),
        "id,email,score,joined,seen_at,active\n1,a@x.io,9.5,2024-02-29,2026-11-01 10:00:00,true\n2,,1.0,2023-01-01,"
            + "2026-11-02 11:30:00,false\n");
    List<ObjectNode> rows = new ArrayList<>();

    try (ModelReader reader = new ModelReader(null, dir, List.of())) {
      long count = reader.read("SELECT * FROM read_csv('people.csv') ORDER BY id",
          Map.of("email", "Email", "score", "Score__c", "joined", "Joined__c", "seen_at", "Seen__c",
              "active", "Active__c"), rows::add);
      assertThat(count).isEqualTo(2);
    }

    assertThat(rows.get(0).has("id")).as("unmapped columns are dropped").isFalse();
    assertThat(rows.get(0).get("Email").asText()).isEqualTo("a@x.io");
    assertThat(rows.get(0).get("Score__c").isNumber()).isTrue();
    assertThat(rows.get(0).get("Joined__c").asText()).isEqualTo("2024-02-29");
    assertThat(rows.get(0).get("Seen__c").asText()).isEqualTo("2026-11-01T10:00Z");
    assertThat(rows.get(0).get("Active__c").asBoolean()).isTrue();
    assertThat(rows.get(1).get("Email").isNull()).isTrue();
  }

  @Test
  void givenNoFieldMapping_whenRead_thenColumnsPassThroughAndSetupRuns() throws Exception {
    List<ObjectNode> rows = new ArrayList<>();

    try (ModelReader reader = new ModelReader(":memory:", dir,
        List.of("CREATE TABLE t AS SELECT 42 AS answer, 'x' AS label"))) {
      reader.read("SELECT * FROM t", Map.of(), rows::add);
    }

    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).get("answer").asInt()).isEqualTo(42);
    assertThat(rows.get(0).get("label").asText()).isEqualTo("x");
  }
}
