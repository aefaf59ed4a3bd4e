package io.activationsuite.sink.rejected;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ObjectPathTemplateTest {
  private static final ObjectPathTemplate.Values VALUES = new ObjectPathTemplate.Values("42", "crm", "users",
      Instant.parse("2025-03-04T05:06:07.089Z"), 12, ".jsonl.gz");

  @Test
  void givenEveryVariable_whenExpanded_thenEachIsReplaced() {
    String template = "{sync_id}/{namespace}/{stream_name}/{year}-{month}-{day}T{hour}:{minute}:{second}."
        + "{millisecond}/{epoch}/{date}/{date:yyyy_MM}/{timestamp}/{timestamp:micros}/{part_number}"
        + "{format_extension}";
    assertThat(ObjectPathTemplate.parse(template, "f", true).expand(VALUES)).isEqualTo(
        "42/crm/users/2025-03-04T05:06:07.089/1741064767/2025_03_04/2025_03/1741064767089/1741064767089000/12"
            + ".jsonl.gz");
  }

  @Test
  void givenDollarUpperCaseForm_whenExpanded_thenSameAsBraces() {
    assertThat(ObjectPathTemplate.parse("${NAMESPACE}/${STREAM_NAME}/${YEAR}_${EPOCH}", "f", false).expand(VALUES))
        .isEqualTo("crm/users/2025_1741064767");
  }

  @Test
  void givenUuid_whenExpandedTwice_thenDifferentNames() {
    ObjectPathTemplate template = ObjectPathTemplate.parse("{uuid}", "f", false);
    assertThat(template.expand(VALUES)).hasSize(36).isNotEqualTo(template.expand(VALUES));
  }

  @Test
  void givenUnsafeSegments_whenMadeSafe_thenNoSeparatorsOrDotFolders() {
    assertThat(ObjectPathTemplate.safeSegment("a/b\\c\nd")).isEqualTo("a_b_c_d");
    assertThat(ObjectPathTemplate.safeSegment("..")).isEqualTo("__");
    assertThat(ObjectPathTemplate.safeSegment(null)).isEmpty();
    assertThat(ObjectPathTemplate.safeSegment("déjà vu")).isEqualTo("déjà vu");
  }
}
