package io.activationsuite.sandbox.hubspot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sandbox.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A HubSpot CRM object type (standard or custom): its ids and names, the properties it has, the
 * scopes that guard it, and, for custom objects, its schema JSON.
 *
 * @param objectTypeId e.g. {@code 0-1} for contacts, {@code 2-1234567} for a custom object
 * @param name plural API name for standard objects ({@code contacts}), schema name for custom ones
 * @param singular singular label
 * @param plural plural label
 * @param custom whether it is a custom object
 * @param fullyQualifiedName {@code p<hubId>_<name>} for custom objects, else the name
 * @param primaryDisplayProperty property shown as the record title
 * @param requiredProperties properties required on create in the UI (reported by schemas)
 * @param createdProperty property holding the creation datetime
 * @param modifiedProperty property holding the last-modified datetime
 * @param readScopes scopes any one of which allows reads
 * @param writeScopes scopes any one of which allows writes
 * @param aliases every {@code objectType} path value that resolves to this type
 * @param properties properties by name, in display order
 */
public record ObjectTypeDefinition(
    String objectTypeId, String name, String singular, String plural, boolean custom, String fullyQualifiedName,
    String primaryDisplayProperty, List<String> requiredProperties, String createdProperty, String modifiedProperty,
    List<String> readScopes, List<String> writeScopes, Set<String> aliases,
    Map<String, PropertyDefinition> properties) {

  /** Copies collections, keeping property order. */
  public ObjectTypeDefinition {
    requiredProperties = List.copyOf(requiredProperties);
    readScopes = List.copyOf(readScopes);
    writeScopes = List.copyOf(writeScopes);
    aliases = Set.copyOf(aliases);
    properties = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(properties));
  }

  /** A property by name. */
  public Optional<PropertyDefinition> property(String propertyName) {
    return Optional.ofNullable(properties.get(propertyName));
  }

  /** Names of properties with unique values. */
  public List<String> uniqueProperties() {
    return properties.values().stream().filter(PropertyDefinition::hasUniqueValue).map(PropertyDefinition::name)
        .toList();
  }

  /** The schema as {@code GET /crm/v3/schemas/{objectType}} returns it. */
  public ObjectNode schemaJson(String timestamp) {
    ObjectNode node = Json.object();
    node.put("id", objectTypeId.substring(objectTypeId.indexOf('-') + 1))
        .put("objectTypeId", objectTypeId)
        .put("name", name)
        .put("fullyQualifiedName", fullyQualifiedName);
    node.putObject("labels").put("singular", singular).put("plural", plural);
    node.put("primaryDisplayProperty", primaryDisplayProperty);
    node.set("requiredProperties", Json.strings(requiredProperties));
    node.set("searchableProperties", Json.strings(List.of(primaryDisplayProperty)));
    node.set("secondaryDisplayProperties", Json.array());
    var props = node.putArray("properties");
    properties.values().forEach(p -> props.add(p.toJson(timestamp)));
    node.putArray("associations");
    node.put("metaType", "PORTAL_SPECIFIC").put("archived", false)
        .put("createdAt", timestamp).put("updatedAt", timestamp);
    return node;
  }
}
