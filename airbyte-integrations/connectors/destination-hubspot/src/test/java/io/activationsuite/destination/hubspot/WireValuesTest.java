package io.activationsuite.destination.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sink.api.DestinationField;
import io.activationsuite.sink.api.FieldType;
import io.activationsuite.sink.api.OutboundRecord;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WireValuesTest {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  @Test
  void datesBecomeMidnightUtcEpochMillisAndDatetimesEpochMillis() {
    assertThat(WireValues.wire(JSON.textNode("2024-03-01"), FieldType.DATE)).isEqualTo("1709251200000");
    assertThat(WireValues.wire(JSON.textNode("2024-03-01T10:15:30Z"), FieldType.DATETIME))
        .isEqualTo("1709288130000");
  }

  @Test
  void booleansNumbersAndMultiEnumsAreStrings() {
    assertThat(WireValues.wire(JSON.booleanNode(true), FieldType.BOOLEAN)).isEqualTo("true");
    assertThat(WireValues.wire(JSON.numberNode(new BigDecimal("12.500")), FieldType.NUMBER)).isEqualTo("12.5");
    assertThat(WireValues.wire(JSON.numberNode(new BigDecimal("1E+3")), FieldType.NUMBER)).isEqualTo("1000");
    assertThat(WireValues.wire(JSON.numberNode(42L), FieldType.INTEGER)).isEqualTo("42");
    assertThat(WireValues.wire(JSON.arrayNode().add("crm").add("analytics"), FieldType.MULTI_ENUM))
        .isEqualTo("crm;analytics");
    assertThat(WireValues.wire(JSON.nullNode(), FieldType.STRING)).isEmpty();
  }

  @Test
  void propertiesLeaveOutTheRecordIdAndClearNullFields() {
    ObjectNode payload = JSON.objectNode().put("hs_object_id", "101").put("firstname", "Ana").put("is_vip", false);
    OutboundRecord record = new OutboundRecord("c1", "101", payload, Set.of("city"), 10);
    Map<String, DestinationField> fields = Map.of("is_vip", DestinationField.of("is_vip", FieldType.BOOLEAN),
        "firstname", DestinationField.of("firstname", FieldType.STRING));

    JsonNode properties = WireValues.properties(record, fields, "hs_object_id");

    assertThat(properties.toString()).isEqualTo("{\"firstname\":\"Ana\",\"is_vip\":\"false\",\"city\":\"\"}");
  }
}
