package io.activationsuite.sandbox.braze;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.sandbox.Json;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/**
 * Custom attribute values as Braze takes them: scalars, arrays (at most 500 items), nested objects
 * (replaced, or deep-merged with {@code _merge_objects}), and the operation objects {@code {"inc": n}},
 * {@code {"add": [...], "remove": [...]}} and, for arrays of objects, {@code {"$add": [...]}},
 * {@code {"$remove": [...]}} (by value or by {@code $identifier_key}/{@code $identifier_value}).
 */
final class CustomAttributes {

  static final int MAX_ARRAY_LENGTH = 500;
  private static final Set<String> OPERATIONS = Set.of("inc", "add", "remove", "$add", "$remove");

  private CustomAttributes() {
  }

  /** Why the value cannot be written, or empty. */
  static Optional<String> check(String name, JsonNode value) {
    if (value.isArray() && value.size() > MAX_ARRAY_LENGTH) {
      return Optional.of("'" + name + "' is not valid: arrays hold at most " + MAX_ARRAY_LENGTH + " items");
    }
    if (isOperation(value)) {
      if (value.has("inc") && !value.get("inc").isNumber()) {
        return Optional.of("'" + name + "' is not valid: inc needs a number");
      }
      for (String op : new String[] {"add", "remove", "$add", "$remove"}) {
        if (value.has(op) && !value.get(op).isArray()) {
          return Optional.of("'" + name + "' is not valid: " + op + " needs an array");
        }
      }
    }
    return Optional.empty();
  }

  /** Writes the value into {@code attributes} and returns what is stored (null when removed). */
  static JsonNode apply(AttributeTable attributes, String name, JsonNode value, boolean mergeObjects) {
    if (value.isNull()) {
      attributes.remove(name);
      return null;
    }
    JsonNode current = attributes.get(name);
    JsonNode stored;
    if (isOperation(value)) {
      stored = operate(current, value);
    } else if (value.isObject() && mergeObjects && current != null && current.isObject()) {
      stored = merge((ObjectNode) current.deepCopy(), (ObjectNode) value);
    } else {
      stored = value.deepCopy();
    }
    attributes.set(name, stored);
    return stored;
  }

  private static boolean isOperation(JsonNode value) {
    if (!value.isObject() || value.isEmpty()) {
      return false;
    }
    for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
      if (!OPERATIONS.contains(it.next())) {
        return false;
      }
    }
    return true;
  }

  private static JsonNode operate(JsonNode current, JsonNode op) {
    if (op.has("inc")) {
      java.math.BigDecimal base = current != null && current.isNumber() ? current.decimalValue()
          : java.math.BigDecimal.ZERO;
      java.math.BigDecimal sum = base.add(op.get("inc").decimalValue());
      return sum.scale() <= 0 ? Json.mapper().getNodeFactory().numberNode(sum.toBigInteger())
          : DecimalNode.valueOf(sum);
    }
    ArrayNode array = current != null && current.isArray() ? (ArrayNode) current.deepCopy() : Json.array();
    for (String add : new String[] {"add", "$add"}) {
      op.path(add).forEach(item -> {
        if (item.isObject() || !contains(array, item)) {
          array.add(item.deepCopy());
        }
      });
    }
    for (String remove : new String[] {"remove", "$remove"}) {
      op.path(remove).forEach(item -> removeMatching(array, item));
    }
    while (array.size() > MAX_ARRAY_LENGTH) {
      array.remove(0);
    }
    return array;
  }

  private static void removeMatching(ArrayNode array, JsonNode item) {
    String key = item.path("$identifier_key").asText(null);
    for (int i = array.size() - 1; i >= 0; i--) {
      JsonNode element = array.get(i);
      boolean match = key != null ? element.path(key).equals(item.get("$identifier_value")) : element.equals(item);
      if (match) {
        array.remove(i);
      }
    }
  }

  private static boolean contains(ArrayNode array, JsonNode item) {
    for (JsonNode element : array) {
      if (element.equals(item)) {
        return true;
      }
    }
    return false;
  }

  private static ObjectNode merge(ObjectNode target, ObjectNode update) {
    update.fields().forEachRemaining(e -> {
      JsonNode existing = target.get(e.getKey());
      if (existing != null && existing.isObject() && e.getValue().isObject()) {
        merge((ObjectNode) existing, (ObjectNode) e.getValue());
      } else if (e.getValue().isNull()) {
        target.remove(e.getKey());
      } else {
        target.set(e.getKey(), e.getValue().deepCopy());
      }
    });
    return target;
  }
}
