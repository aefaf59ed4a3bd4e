package io.activationsuite.destination.salesforce.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts the engine's canonical JSON values (see {@code FieldType}) into what Salesforce expects:
 * text for CSV cells, and JSON for REST bodies, with multi-select picklists joined by {@code ;}.
 */
public final class FieldValues {

  private FieldValues() {}

  /** The CSV cell text of a non-null canonical value. */
  public static String text(JsonNode value) {
    if (value.isArray()) {
      List<String> parts = new ArrayList<>();
      value.forEach(v -> parts.add(v.asText()));
      return String.join(";", parts);
    }
    if (value.isFloatingPointNumber()) {
      String plain = value.decimalValue().stripTrailingZeros().toPlainString();
      return plain.equals("0.0") ? "0" : plain;
    }
    if (value.isNumber() || value.isBoolean()) {
      return value.asText();
    }
    if (value.isContainerNode()) {
      return value.toString();
    }
    return value.asText();
  }

  /** The REST JSON value of a canonical value (multi-select arrays become {@code a;b}). */
  public static JsonNode json(JsonNode value) {
    if (value == null || value.isNull()) {
      return JsonNodeFactory.instance.nullNode();
    }
    if (value.isArray()) {
      return JsonNodeFactory.instance.textNode(text(value));
    }
    return value;
  }
}
