package io.activationsuite.sink.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.protocol.model.Json;
import io.activationsuite.protocol.model.StreamDescriptor;
import io.activationsuite.sink.api.DestinationField;
import io.activationsuite.sink.api.DestinationObject;
import io.activationsuite.sink.api.FieldMapping;
import io.activationsuite.sink.api.FieldMapping.NullPolicy;
import io.activationsuite.sink.api.FieldType;
import io.activationsuite.sink.api.ObjectOperation;
import io.activationsuite.sink.api.OpenFields;
import io.activationsuite.sink.api.Operation;
import io.activationsuite.sink.api.OutboundRecord;
import io.activationsuite.sink.api.RejectionReason;
import io.activationsuite.sink.api.StreamPlan;
import io.activationsuite.sink.coerce.CoercionException;
import io.activationsuite.sink.plan.DestinationCatalogBuilderAccess;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** JSON fields, objects that accept undiscovered fields, and nested destination paths. */
class OpenFieldsTest {
  static final StreamDescriptor STREAM = new StreamDescriptor("users", null);
  static final List<DestinationField> FIELDS = List.of(
      new DestinationField("external_id", FieldType.ID, false, null, List.of(), true),
      DestinationField.of("first_name", FieldType.STRING),
      new DestinationField("profile", FieldType.JSON, true, 40, List.of(), false));
  static final List<ObjectOperation> OPERATIONS = List.of(new ObjectOperation(Operation.UPSERT,
      List.of("external_id"), Set.of("external_id", "first_name", "profile"), Set.of()));
  /** Like Braze user attributes: discovered standard fields, and any custom attribute. */
  static final DestinationObject OPEN = new DestinationObject("users", "Users", FIELDS, OPERATIONS,
      OpenFields.anyJson());
  static final DestinationObject CLOSED = new DestinationObject("users", "Users", FIELDS, OPERATIONS);

  private static ObjectNode data(String json) throws Exception {
    return (ObjectNode) Json.mapper().readTree(json);
  }

  private static FieldMapping path(String destination, String source) {
    return new FieldMapping(destination, new FieldMapping.Source.Path(source), NullPolicy.SKIP);
  }

  private static RecordMapper mapper(DestinationObject object, List<FieldMapping> mappings, List<String> unknown) {
    return new RecordMapper(new StreamPlan(STREAM, object, Operation.UPSERT, "external_id", mappings),
        NullPolicy.SKIP, unknown::add);
  }

  @Test
  void givenOpenObject_whenANestedCustomAttributeIsMapped_thenItPassesCoercionAsANestedObject() throws Exception {
    RecordMapper mapper = mapper(OPEN, List.of(path("external_id", "id"), path("address.city", "city"),
        path("address.geo.lat", "lat"), path("plan", "plan"), path("pets", "pets")), List.of());

    OutboundRecord record = mapper.map(data("{\"id\":\"u1\",\"city\":\"Paris\",\"lat\":48.85,"
        + "\"plan\":{\"name\":\"gold\",\"seats\":[1,2]},\"pets\":[\"cat\",{\"dog\":true}]}"), "c1");

    assertThat(record.payload().toString()).isEqualTo("{\"external_id\":\"u1\","
        + "\"address\":{\"city\":\"Paris\",\"geo\":{\"lat\":48.85}},\"plan\":{\"name\":\"gold\",\"seats\":[1,2]},"
        + "\"pets\":[\"cat\",{\"dog\":true}]}");
    assertThat(record.sizeBytes()).isGreaterThan(record.payload().toString().length() / 2);
  }

  @Test
  void givenOpenObjectWithoutMappings_whenRecordsCarryUndiscoveredFields_thenTheyAreWrittenNotIgnored()
      throws Exception {
    List<String> unknown = new ArrayList<>();
    OutboundRecord record = mapper(OPEN, List.of(), unknown).map(
        data("{\"external_id\":\"u1\",\"favourite_color\":\"blue\",\"visits\":[1,2]}"), "c1");

    assertThat(record.payload().toString())
        .isEqualTo("{\"external_id\":\"u1\",\"favourite_color\":\"blue\",\"visits\":[1,2]}");
    assertThat(unknown).isEmpty();
  }

  @Test
  void givenJsonField_whenValuesArriveAsStructuresOrJsonText_thenTheyAreKeptAsStructures() throws Exception {
    RecordMapper mapper = mapper(CLOSED, List.of(path("external_id", "id"), path("profile", "p")), List.of());

    assertThat(mapper.map(data("{\"id\":\"u1\",\"p\":\"{\\\"a\\\":[1]}\"}"), "c1").payload().get("profile")
        .toString()).isEqualTo("{\"a\":[1]}");
    assertThat(mapper.map(data("{\"id\":\"u1\",\"p\":\"[draft\"}"), "c2").payload().get("profile").textValue())
        .isEqualTo("[draft");
    assertThat(mapper.map(data("{\"id\":\"u1\",\"p\":7}"), "c3").payload().get("profile").intValue()).isEqualTo(7);
  }

  @Test
  void givenJsonFieldWithMaxLength_whenTheValueIsTooLong_thenCoercionStillRejectsIt() throws Exception {
    RecordMapper mapper = mapper(CLOSED, List.of(path("external_id", "id"), path("profile", "p")), List.of());

    assertThatThrownBy(() -> mapper.map(data("{\"id\":\"u1\",\"p\":{\"notes\":\"" + "x".repeat(40) + "\"}}"), "c1"))
        .isInstanceOfSatisfying(CoercionException.class,
            e -> assertThat(e.reason()).isEqualTo(RejectionReason.VALUE_TOO_LONG));
    assertThatThrownBy(() -> mapper(CLOSED, List.of(path("external_id", "id"), path("profile.nested", "p")),
        List.of()).map(data("{\"id\":\"u1\",\"p\":\"" + "y".repeat(50) + "\"}"), "c2"))
        .isInstanceOfSatisfying(CoercionException.class,
            e -> assertThat(e.reason()).isEqualTo(RejectionReason.VALUE_TOO_LONG));
  }

  @Test
  void givenClosedObject_whenAnUndiscoveredOrNestedScalarFieldIsMapped_thenThePlanIsRefused() {
    assertThatThrownBy(() -> mapper(CLOSED, List.of(path("external_id", "id"), path("favourite", "f")), List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("favourite");
    assertThatThrownBy(() -> mapper(OPEN, List.of(path("external_id", "id"), path("first_name.x", "f")),
        List.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a structured");
    assertThatThrownBy(() -> mapper(OPEN, List.of(path("external_id", "id"), path("address", "a"),
        path("address.city", "c")), List.of())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("overlap");
  }

  @Test
  void givenOpenObjectWithATypedOpenField_whenAValueDoesNotFit_thenItIsRejected() throws Exception {
    DestinationObject numbers = CLOSED.withOpenFields(new OpenFields(FieldType.NUMBER, null));
    RecordMapper mapper = mapper(numbers, List.of(), new ArrayList<>());

    assertThat(mapper.map(data("{\"external_id\":\"u1\",\"score\":\"12.5\"}"), "c1").payload().get("score")
        .decimalValue()).isEqualByComparingTo("12.5");
    assertThatThrownBy(() -> mapper.map(data("{\"external_id\":\"u1\",\"score\":\"high\"}"), "c2"))
        .isInstanceOfSatisfying(CoercionException.class,
            e -> assertThat(e.reason()).isEqualTo(RejectionReason.INVALID_VALUE));
  }

  @Test
  void givenOpenObject_whenDiscovered_thenItsSchemaAllowsAdditionalPropertiesAndJsonFieldsAreUntyped() {
    ObjectNode open = DestinationCatalogBuilderAccess.schema(OPEN, OPERATIONS.get(0));
    ObjectNode closed = DestinationCatalogBuilderAccess.schema(CLOSED, OPERATIONS.get(0));

    assertThat(open.path("additionalProperties").asBoolean()).isTrue();
    assertThat(closed.path("additionalProperties").asBoolean(true)).isFalse();
    assertThat(closed.path("properties").path("profile").has("type")).isFalse();
  }
}
