package io.activationsuite.sink.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.activationsuite.protocol.model.Json;
import io.activationsuite.protocol.model.StreamDescriptor;
import io.activationsuite.sink.api.FieldMapping;
import io.activationsuite.sink.api.FieldMapping.NullPolicy;
import io.activationsuite.sink.api.Operation;
import io.activationsuite.sink.api.OutboundRecord;
import io.activationsuite.sink.api.RejectionReason;
import io.activationsuite.sink.api.StreamPlan;
import io.activationsuite.sink.coerce.CoercionException;
import io.activationsuite.sink.testapi.TestActivationApi;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordMapperTest {
  static final StreamDescriptor STREAM = new StreamDescriptor("users", null);

  private static ObjectNode data(String json) throws Exception {
    return (ObjectNode) Json.mapper().readTree(json);
  }

  private static RecordMapper mapper(Operation operation, String key, List<FieldMapping> fields, List<String> unknown) {
    return new RecordMapper(new StreamPlan(STREAM, TestActivationApi.CONTACTS, operation, key, fields),
        NullPolicy.CLEAR, unknown::add);
  }

  private static FieldMapping path(String destination, String path, NullPolicy policy) {
    return new FieldMapping(destination, new FieldMapping.Source.Path(path), policy);
  }

  @Test
  void givenNestedPathsTemplatesAndConstants_whenMapped_thenPayloadHoldsCoercedValues() throws Exception {
    RecordMapper mapper = mapper(Operation.UPSERT, "email", List.of(
        path("email", "contact.emails[1]", NullPolicy.SKIP),
        new FieldMapping("first_name", new FieldMapping.Source.Template(
            "{{name.first | trim}} ({{nick | default: \"none\"}})"), NullPolicy.SKIP),
        new FieldMapping("vip", new FieldMapping.Source.Constant(TextNode.valueOf("yes")), NullPolicy.SKIP),
        path("age", "age", NullPolicy.CLEAR),
        path("score", "score", NullPolicy.SKIP)), new ArrayList<>());

    OutboundRecord record = mapper.map(data("{\"contact\":{\"emails\":[\"x@a.io\",\"Y@b.io\"]},"
        + "\"name\":{\"first\":\" Ann \"},\"age\":null}"), "c1");

    assertThat(record.payload().toString())
        .isEqualTo("{\"email\":\"Y@b.io\",\"first_name\":\"Ann (none)\",\"vip\":true}");
    assertThat(record.nullFields()).containsExactly("age");
    assertThat(record.matchingKey()).isEqualTo("Y@b.io");
    assertThat(mapper.collapseKey(record)).isEqualTo("y@b.io");
    assertThat(record.sizeBytes()).isPositive();
  }

  @Test
  void givenRecordsWithDestinationNames_whenMapped_thenUnknownFieldsAreIgnoredAndReported() throws Exception {
    List<String> unknown = new ArrayList<>();
    RecordMapper mapper = mapper(Operation.UPDATE, "email", List.of(), unknown);

    OutboundRecord record = mapper.map(data("{\"email\":\"a@b.io\",\"age\":\"3\",\"shoe_size\":44,"
        + "\"tier\":\"gold\"}"), "c1");

    assertThat(record.payload().toString()).isEqualTo("{\"email\":\"a@b.io\",\"age\":3}");
    assertThat(unknown).containsExactly("shoe_size", "tier");
  }

  @Test
  void givenArchive_whenMapped_thenPayloadHoldsOnlyTheKey() throws Exception {
    OutboundRecord record = mapper(Operation.ARCHIVE, "email", List.of(), new ArrayList<>())
        .map(data("{\"email\":\"a@b.io\",\"age\":3}"), "c1");

    assertThat(record.payload().toString()).isEqualTo("{\"email\":\"a@b.io\"}");
  }

  @Test
  void givenMissingRequiredFieldNullKeyOrUnclearableField_whenMapped_thenRejectedWithReason() {
    assertThatThrownBy(() -> mapper(Operation.INSERT, null, List.of(), new ArrayList<>())
        .map(data("{\"first_name\":\"Ann\"}"), "c"))
        .isInstanceOfSatisfying(CoercionException.class,
            e -> assertThat(e.reason()).isEqualTo(RejectionReason.MISSING_REQUIRED_FIELD));
    assertThatThrownBy(() -> mapper(Operation.UPSERT, "email", List.of(), new ArrayList<>())
        .map(data("{\"first_name\":\"Ann\"}"), "c"))
        .isInstanceOfSatisfying(CoercionException.class,
            e -> assertThat(e.reason()).isEqualTo(RejectionReason.NULL_MATCHING_KEY));
    assertThatThrownBy(() -> mapper(Operation.INSERT, null,
        List.of(path("email", "mail", NullPolicy.CLEAR)), new ArrayList<>()).map(data("{\"mail\":null}"), "c"))
        .isInstanceOfSatisfying(CoercionException.class, e -> {
          assertThat(e.reason()).isEqualTo(RejectionReason.INVALID_VALUE);
          assertThat(e.getMessage()).contains("cannot be cleared");
        });
  }
}
