package io.activationsuite.destination.salesforce.describe;

import io.activationsuite.sink.api.FieldType;
import java.util.Locale;
import java.util.Optional;

/** Maps Salesforce field types ({@code describe} {@code type}) to the engine's field types. */
public final class FieldTypes {

  private FieldTypes() {}

  /** The engine type, or empty for types not writable as one flat value (address, location, base64...). */
  public static Optional<FieldType> of(String salesforceType) {
    return Optional.ofNullable(switch (salesforceType.toLowerCase(Locale.ROOT)) {
      case "string", "textarea", "phone", "url", "encryptedstring", "combobox", "time" -> FieldType.STRING;
      case "picklist" -> FieldType.ENUM;
      case "multipicklist" -> FieldType.MULTI_ENUM;
      case "email" -> FieldType.EMAIL;
      case "boolean" -> FieldType.BOOLEAN;
      case "int", "long" -> FieldType.INTEGER;
      case "double", "currency", "percent" -> FieldType.NUMBER;
      case "date" -> FieldType.DATE;
      case "datetime" -> FieldType.DATETIME;
      case "id", "reference" -> FieldType.ID;
      default -> null;
    });
  }
}
