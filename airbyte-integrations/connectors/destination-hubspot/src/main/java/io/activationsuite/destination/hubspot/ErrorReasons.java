package io.activationsuite.destination.hubspot;

import io.activationsuite.sink.api.RejectionReason;
import java.util.Locale;

/**
 * Maps HubSpot's error codes and categories (per-input errors of a 207, whole-request errors) to the
 * stable rejection reasons users filter rejected records on.
 */
public final class ErrorReasons {

  private ErrorReasons() {}

  /** The reason for an error detail code, falling back to the error's category. */
  public static RejectionReason reason(String code, String category) {
    RejectionReason byCode = byCode(code);
    return byCode != RejectionReason.REFUSED_BY_API ? byCode : byCategory(category);
  }

  static RejectionReason byCode(String code) {
    if (code == null || code.isBlank()) {
      return RejectionReason.REFUSED_BY_API;
    }
    String c = code.toUpperCase(Locale.ROOT);
    return switch (c) {
      case "INVALID_OPTION" -> RejectionReason.INVALID_OPTION;
      case "PROPERTY_DOESNT_EXIST", "PROPERTY_DOES_NOT_EXIST", "UNKNOWN_PROPERTY" -> RejectionReason.UNKNOWN_FIELD;
      case "REQUIRED_PROPERTY", "MISSING_REQUIRED_PROPERTY" -> RejectionReason.MISSING_REQUIRED_FIELD;
      case "OBJECT_NOT_FOUND", "NOT_FOUND", "RESOURCE_NOT_FOUND" -> RejectionReason.NOT_FOUND;
      case "OBJECT_ALREADY_EXISTS", "CONFLICT", "DUPLICATE_VALUE", "UNIQUE_VALUE_CONFLICT", "NOT_UNIQUE" ->
          RejectionReason.DUPLICATE_KEY;
      default -> {
        if (c.contains("TOO_LONG") || c.contains("MAX_LENGTH") || c.contains("TOO_MANY_CHARACTERS")) {
          yield RejectionReason.VALUE_TOO_LONG;
        }
        if (c.startsWith("INVALID_") || c.equals("VALIDATION_ERROR")) {
          yield RejectionReason.INVALID_VALUE;
        }
        yield RejectionReason.REFUSED_BY_API;
      }
    };
  }

  static RejectionReason byCategory(String category) {
    if (category == null) {
      return RejectionReason.REFUSED_BY_API;
    }
    return switch (category.toUpperCase(Locale.ROOT)) {
      case "OBJECT_NOT_FOUND" -> RejectionReason.NOT_FOUND;
      case "CONFLICT", "OBJECT_ALREADY_EXISTS" -> RejectionReason.DUPLICATE_KEY;
      case "VALIDATION_ERROR" -> RejectionReason.INVALID_VALUE;
      default -> RejectionReason.REFUSED_BY_API;
    };
  }

  /** Whether an error category means "try this input again later" rather than "this input is wrong". */
  public static boolean retryable(String category) {
    if (category == null) {
      return false;
    }
    String c = category.toUpperCase(Locale.ROOT);
    return c.equals("RATE_LIMITS") || c.equals("LOCKED") || c.equals("TIMEOUT") || c.equals("INTERNAL_ERROR");
  }
}
