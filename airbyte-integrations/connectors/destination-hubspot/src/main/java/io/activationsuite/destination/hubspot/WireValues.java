package io.activationsuite.destination.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sink.api.DestinationField;
import io.activationsuite.sink.api.FieldType;
import io.activationsuite.sink.api.OutboundRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Converts canonical values (see {@link FieldType}) to HubSpot's wire format, where every property value
 * is a string: dates as midnight-UTC epoch milliseconds, datetimes as epoch milliseconds, booleans as
 * {@code true}/{@code false}, multiple checkboxes {@code ;}-joined, and cleared fields as {@code ""}.
 */
public final class WireValues {

  private WireValues() {}

  /**
   * The {@code properties} object of one input: every payload field except {@code excluded} (the record
   * id, which is not a property HubSpot lets anyone set), then every cleared field as {@code ""}.
   */
  public static ObjectNode properties(OutboundRecord record, Map<String, DestinationField> fields, String excluded) {
    ObjectNode properties = JsonNodeFactory.instance.objectNode();
    record.payload().properties().forEach(entry -> {
      if (!entry.getKey().equals(excluded)) {
        DestinationField field = fields.get(entry.getKey());
        FieldType type = field == null ? FieldType.STRING : field.type();
        properties.put(entry.getKey(), wire(entry.getValue(), type));
      }
    });
    for (String cleared : record.nullFields()) {
      if (!cleared.equals(excluded)) {
        properties.put(cleared, "");
      }
    }
    return properties;
  }

  /** One canonical value as a HubSpot string; JSON null clears the property. */
  public static String wire(JsonNode value, FieldType type) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return "";
    }
    return switch (type) {
      case DATE -> value.isNumber() ? value.asText()
          : Long.toString(LocalDate.parse(value.asText()).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
      case DATETIME -> value.isNumber() ? value.asText() : Long.toString(Instant.parse(value.asText()).toEpochMilli());
      case BOOLEAN -> Boolean.toString(value.isBoolean() ? value.booleanValue() : Boolean.parseBoolean(value.asText()));
      case MULTI_ENUM -> multi(value);
      case NUMBER, INTEGER -> number(value);
      default -> value.isTextual() ? value.textValue() : value.toString();
    };
  }

  private static String multi(JsonNode value) {
    if (!value.isArray()) {
      return value.asText();
    }
    List<String> parts = new ArrayList<>();
    value.forEach(v -> parts.add(v.asText()));
    return String.join(";", parts);
  }

  private static String number(JsonNode value) {
    if (!value.isNumber()) {
      return value.asText();
    }
    if (value.isIntegralNumber()) {
      return value.bigIntegerValue().toString();
    }
    String plain = value.decimalValue().stripTrailingZeros().toPlainString();
    return plain;
  }
}
