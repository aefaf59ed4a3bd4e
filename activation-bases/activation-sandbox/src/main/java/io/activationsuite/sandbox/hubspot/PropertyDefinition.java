package io.activationsuite.sandbox.hubspot;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sandbox.Json;
import java.util.List;

/**
 * One HubSpot property of an object type, with what validation needs (type, field type, options,
 * uniqueness, read-only) and its CRM v3 JSON form.
 *
 * @param name internal name used on the wire
 * @param label display label
 * @param type {@code string}, {@code number}, {@code date}, {@code datetime}, {@code enumeration} or {@code bool}
 * @param fieldType UI control: {@code text}, {@code number}, {@code date}, {@code select}, {@code radio},
 *     {@code checkbox} (multi-select), {@code booleancheckbox}, {@code calculation_equation}, ...
 * @param groupName property group
 * @param hasUniqueValue whether values must be unique (usable as upsert {@code idProperty})
 * @param readOnlyValue whether clients may not set it
 * @param calculated whether HubSpot computes it
 * @param hubspotDefined whether it is a default (not custom) property
 * @param email whether values must be email addresses
 * @param options allowed values of an enumeration
 */
public record PropertyDefinition(
    String name, String label, String type, String fieldType, String groupName, boolean hasUniqueValue,
    boolean readOnlyValue, boolean calculated, boolean hubspotDefined, boolean email, List<PropertyOption> options) {

  /** Copies the options. */
  public PropertyDefinition {
    options = List.copyOf(options);
  }

  /** Whether several {@code ;}-joined options may be selected. */
  public boolean multiValued() {
    return "enumeration".equals(type) && "checkbox".equals(fieldType);
  }

  /** The property as {@code GET /crm/v3/properties/{objectType}} lists it. */
  public ObjectNode toJson(String timestamp) {
    ObjectNode node = Json.object();
    node.put("name", name).put("label", label).put("type", type).put("fieldType", fieldType)
        .put("description", "").put("groupName", groupName);
    ArrayNode opts = node.putArray("options");
    for (int i = 0; i < options.size(); i++) {
      PropertyOption o = options.get(i);
      opts.addObject().put("label", o.label()).put("value", o.value()).put("description", "")
          .put("displayOrder", i).put("hidden", false);
    }
    node.put("displayOrder", -1).put("calculated", calculated).put("externalOptions", false)
        .put("hasUniqueValue", hasUniqueValue).put("hidden", false).put("hubspotDefined", hubspotDefined)
        .put("formField", !readOnlyValue).put("archived", false)
        .put("createdAt", timestamp).put("updatedAt", timestamp);
    if (email) {
      node.put("textDisplayHint", "email");
    }
    node.putObject("modificationMetadata").put("archivable", !hubspotDefined)
        .put("readOnlyDefinition", hubspotDefined).put("readOnlyOptions", !"enumeration".equals(type))
        .put("readOnlyValue", readOnlyValue);
    node.put("dataSensitivity", "non_sensitive");
    return node;
  }
}
