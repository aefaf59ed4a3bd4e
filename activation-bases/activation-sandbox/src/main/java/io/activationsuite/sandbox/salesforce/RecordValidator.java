package io.activationsuite.sandbox.salesforce;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Applies Salesforce's field-level write rules to typed values: field access (createable/updateable),
 * required fields, text length, email syntax, restricted picklists and id-shaped references. Rules that
 * need other records (uniqueness, reference existence) live in the {@link RecordStore}.
 */
public final class RecordValidator {
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$");

  private RecordValidator() {
  }

  /** Errors for writing {@code values} to {@code object}; empty when the write is valid. */
  public static List<SaveError> validate(ObjectDescriptor object, Map<FieldDescriptor, Object> values,
      boolean insert) {
    List<SaveError> errors = new ArrayList<>();
    List<String> denied = values.keySet().stream()
        .filter(f -> insert ? !f.createable() : !f.updateable()).map(FieldDescriptor::name).toList();
    if (!denied.isEmpty()) {
      errors.add(new SaveError(StatusCode.INVALID_FIELD_FOR_INSERT_UPDATE, "Unable to create/update fields: "
          + String.join(", ", denied) + ". Please check the security settings of this field and verify that it is "
          + "read/write for your profile or permission set.", denied));
      return errors;
    }
    List<String> missing = object.fields().stream()
        .filter(f -> f.createable() && !f.nillable() && !f.defaultedOnCreate())
        .filter(f -> insert ? values.get(f) == null : values.containsKey(f) && values.get(f) == null)
        .map(FieldDescriptor::name).toList();
    if (!missing.isEmpty()) {
      errors.add(new SaveError(StatusCode.REQUIRED_FIELD_MISSING,
          "Required fields are missing: [" + String.join(", ", missing) + "]", missing));
    }
    values.forEach((field, value) -> {
      if (value != null) {
        checkValue(field, value, errors);
      }
    });
    return errors;
  }

  private static void checkValue(FieldDescriptor field, Object value, List<SaveError> errors) {
    if (field.type().isText() && value instanceof String text && text.length() > field.length()) {
      errors.add(SaveError.of(StatusCode.STRING_TOO_LONG, field.label() + ": data value too large: "
          + abbreviate(text) + " (max length=" + field.length() + ")", field.name()));
      return;
    }
    switch (field.type()) {
      case EMAIL -> {
        if (!EMAIL.matcher(value.toString()).matches()) {
          errors.add(SaveError.of(StatusCode.INVALID_EMAIL_ADDRESS,
              field.label() + ": invalid email address: " + value, field.name()));
        }
      }
      case PICKLIST -> checkPicklist(field, List.of(value.toString()), errors);
      case MULTIPICKLIST -> checkPicklist(field, List.of(value.toString().split(";")), errors);
      case REFERENCE -> {
        if (!SalesforceIds.isWellFormed(value.toString())) {
          errors.add(SaveError.of(StatusCode.MALFORMED_ID,
              field.label() + ": id value of incorrect type: " + value, field.name()));
        }
      }
      default -> {
        // other types are fully checked by conversion
      }
    }
  }

  private static void checkPicklist(FieldDescriptor field, List<String> values, List<SaveError> errors) {
    if (!field.restrictedPicklist()) {
      return;
    }
    for (String v : values) {
      boolean allowed = field.picklistValue(v.trim()).map(PicklistValue::active).orElse(false);
      if (!allowed) {
        errors.add(SaveError.of(StatusCode.INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST,
            field.label() + ": bad value for restricted picklist field: " + v, field.name()));
        return;
      }
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 80) + "...";
  }
}
