package io.activationsuite.destination.hubspot;

import io.activationsuite.sink.api.DestinationField;
import io.activationsuite.sink.api.FieldType;
import java.util.List;

/**
 * Maps a HubSpot property type ({@code type} + {@code fieldType}) to the field type the engine coerces
 * values to, so that a bad value is rejected before it costs a request.
 */
public final class PropertyTypes {

  /** HubSpot's limit for string property values. */
  public static final int MAX_STRING_LENGTH = 65_536;

  private PropertyTypes() {}

  /** The engine field of a writable property. */
  public static DestinationField field(HubSpotProperty property, boolean unique) {
    FieldType type = fieldType(property);
    Integer maxLength = switch (type) {
      case STRING, EMAIL -> MAX_STRING_LENGTH;
      default -> null;
    };
    List<String> options = type == FieldType.ENUM || type == FieldType.MULTI_ENUM ? property.options() : List.of();
    return new DestinationField(property.name(), type, true, maxLength, options, unique);
  }

  /** The engine type of a HubSpot property. */
  public static FieldType fieldType(HubSpotProperty property) {
    String fieldType = property.fieldType();
    return switch (property.type()) {
      case "number" -> FieldType.NUMBER;
      case "bool" -> FieldType.BOOLEAN;
      case "date" -> FieldType.DATE;
      case "datetime" -> FieldType.DATETIME;
      case "enumeration" -> switch (fieldType) {
        case "booleancheckbox" -> FieldType.BOOLEAN;
        case "checkbox" -> FieldType.MULTI_ENUM;
        default -> FieldType.ENUM;
      };
      default -> "email".equals(property.name()) || "email".equals(fieldType) ? FieldType.EMAIL : FieldType.STRING;
    };
  }
}
