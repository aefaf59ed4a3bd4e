package io.activationsuite.destination.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a HubSpot property definition ({@code GET /crm/v3/properties/{objectType}}) that decide
 * whether and how the connector can write it.
 */
public record HubSpotProperty(
    String name,
    String label,
    String type,
    String fieldType,
    boolean hasUniqueValue,
    boolean readOnlyValue,
    boolean calculated,
    boolean archived,
    List<String> options) {

  public HubSpotProperty {
    options = List.copyOf(options);
  }

  /** Parses one element of the properties API's {@code results}; absent flags read as false. */
  public static HubSpotProperty parse(JsonNode node) {
    List<String> options = new ArrayList<>();
    for (JsonNode option : node.path("options")) {
      if (!option.path("hidden").asBoolean(false) && option.hasNonNull("value")) {
        options.add(option.get("value").asText());
      }
    }
    return new HubSpotProperty(
        node.path("name").asText(),
        node.path("label").asText(node.path("name").asText()),
        node.path("type").asText("string"),
        node.path("fieldType").asText("text"),
        node.path("hasUniqueValue").asBoolean(false),
        node.path("modificationMetadata").path("readOnlyValue").asBoolean(false),
        node.path("calculated").asBoolean(false),
        node.path("archived").asBoolean(false),
        options);
  }

  /** Whether a sync may set this property: not read-only, calculated, a formula or archived. */
  public boolean writable() {
    return !readOnlyValue && !calculated && !archived && !fieldType.startsWith("calculation");
  }
}
