package io.activationsuite.destination.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A HubSpot CRM object type the connector writes: its name in catalogs, its identifier in API paths
 * ({@code contacts}, or a custom object's {@code 2-1234567}), the scope family that guards it, and the
 * properties HubSpot requires on create.
 *
 * @param scopeName the object part of its scopes: {@code contacts}, {@code tickets}, {@code custom}
 */
public record HubSpotObjectType(
    String name, String label, String pathType, String scopeName, boolean custom, List<String> requiredProperties) {

  /** The standard objects every account has, in catalog order. */
  public static final List<HubSpotObjectType> STANDARD = List.of(
      standard("contacts", "Contacts"),
      standard("companies", "Companies"),
      standard("deals", "Deals"),
      standard("tickets", "Tickets"),
      standard("products", "Products"));

  public HubSpotObjectType {
    requiredProperties = List.copyOf(requiredProperties);
  }

  private static HubSpotObjectType standard(String name, String label) {
    return new HubSpotObjectType(name, label, name, name, false, List.of());
  }

  /** A custom object from one element of {@code GET /crm/v3/schemas} results. */
  public static HubSpotObjectType fromSchema(JsonNode schema) {
    String name = schema.path("name").asText();
    String label = schema.path("labels").path("plural").asText(name);
    String typeId = schema.path("objectTypeId").asText(name);
    List<String> required = new ArrayList<>();
    schema.path("requiredProperties").forEach(p -> required.add(p.asText()));
    return new HubSpotObjectType(name, label, typeId, "custom", true, required);
  }

  /** The scope that allows writing records of this object. */
  public List<String> writeScopes() {
    return switch (scopeName) {
      case "tickets" -> List.of("tickets");
      case "products" -> List.of("crm.objects.products.write", "e-commerce");
      default -> List.of("crm.objects." + scopeName + ".write");
    };
  }

  /** Any one of these scopes allows reading the object's properties (discovery). */
  public List<String> schemaReadScopes() {
    List<String> scopes = new ArrayList<>(List.of("crm.schemas." + scopeName + ".read",
        "crm.objects." + scopeName + ".read"));
    scopes.addAll(writeScopes());
    return scopes;
  }
}
