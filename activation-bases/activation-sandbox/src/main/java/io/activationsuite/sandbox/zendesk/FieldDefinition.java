package io.activationsuite.sandbox.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sandbox.Json;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * One custom field of users, organizations, tickets or a custom object, as the fields endpoints list it,
 * and how Zendesk validates and stores a value of it: {@code text}, {@code textarea}, {@code regexp},
 * {@code integer}, {@code decimal}, {@code checkbox}, {@code date}, {@code dropdown} (ticket fields call
 * it {@code tagger}) and {@code multiselect} with their options.
 *
 * @param id numeric id (tickets reference custom fields by it)
 * @param key field key (users, organizations and custom objects reference fields by it)
 * @param type Zendesk field type
 * @param title display title
 * @param options allowed option values of dropdowns and multiselects
 */
record FieldDefinition(long id, String key, String type, String title, List<String> options) {

  FieldDefinition {
    options = List.copyOf(options);
  }

  static FieldDefinition of(long id, String key, String type, String title, String... options) {
    return new FieldDefinition(id, key, type, title, List.of(options));
  }

  /** The value Zendesk stores, or why it refuses it (the message names the field by its title). */
  Result convert(JsonNode value) {
    if (value == null || value.isNull()) {
      return Result.ok(JsonNodeFactory.instance.nullNode());
    }
    String text = value.isValueNode() ? value.asText() : null;
    return switch (type) {
      case "integer" -> value.isIntegralNumber() || (text != null && text.matches("-?\\d+"))
          ? Result.ok(JsonNodeFactory.instance.numberNode(Long.parseLong(text))) : invalid(value, "is not a number");
      case "decimal" -> decimal(value, text);
      case "checkbox" -> value.isBoolean() ? Result.ok(value) : invalid(value, "is not true or false");
      case "date" -> date(value, text);
      case "dropdown", "tagger" -> text != null && options.contains(text)
          ? Result.ok(JsonNodeFactory.instance.textNode(text)) : invalid(value, "is not a valid option");
      case "multiselect" -> multiselect(value);
      default -> text != null ? Result.ok(JsonNodeFactory.instance.textNode(text)) : invalid(value, "is not text");
    };
  }

  /** JSON as {@code GET /api/v2/{kind}_fields} lists it. */
  ObjectNode toJson(String baseUrl, String kind, int position) {
    ObjectNode node = Json.object();
    node.put("url", baseUrl + "/api/v2/" + kind + "/" + id + ".json").put("id", id).put("type", type)
        .put("key", key).put("title", title).put("raw_title", title).put("description", "")
        .put("raw_description", "").put("position", position).put("active", true).put("system", false)
        .putNull("regexp_for_validation").put("created_at", "2024-01-01T00:00:00Z")
        .put("updated_at", "2024-01-01T00:00:00Z");
    if (!options.isEmpty()) {
      var array = node.putArray("custom_field_options");
      long optionId = id * 100;
      for (String option : options) {
        array.addObject().put("id", ++optionId).put("name", option.replace('_', ' ')).put("raw_name", option)
            .put("value", option);
      }
    }
    return node;
  }

  private Result decimal(JsonNode value, String text) {
    if (value.isNumber()) {
      return Result.ok(value);
    }
    try {
      return text == null ? invalid(value, "is not a number")
          : Result.ok(JsonNodeFactory.instance.numberNode(new java.math.BigDecimal(text)));
    } catch (NumberFormatException e) {
      return invalid(value, "is not a number");
    }
  }

  private Result date(JsonNode value, String text) {
    try {
      String day = text == null ? null : text.length() > 10 ? text.substring(0, 10) : text;
      return day == null ? invalid(value, "is not a date")
          : Result.ok(JsonNodeFactory.instance.textNode(LocalDate.parse(day).toString()));
    } catch (DateTimeParseException e) {
      return invalid(value, "is not a date (use YYYY-MM-DD)");
    }
  }

  private Result multiselect(JsonNode value) {
    if (!value.isArray()) {
      return invalid(value, "is not a list of options");
    }
    for (JsonNode item : value) {
      if (!options.contains(item.asText())) {
        return invalid(item, "is not a valid option");
      }
    }
    return Result.ok(value);
  }

  private Result invalid(JsonNode value, String why) {
    return Result.error(title + ": " + (value.isValueNode() ? value.asText() : value.toString()) + " " + why);
  }

  /** A converted value or an error message. */
  record Result(JsonNode value, String error) {
    static Result ok(JsonNode value) {
      return new Result(value, null);
    }

    static Result error(String message) {
      return new Result(null, message);
    }

    Optional<String> failure() {
      return Optional.ofNullable(error);
    }
  }
}
