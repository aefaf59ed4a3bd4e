package io.activationsuite.sandbox.braze;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * A profile's standard and custom attributes by name, in the order they were first written (as Braze exports
 * them): what an {@link ObjectNode} would hold, kept compact because the emulator retains every profile a sync
 * sends (hundreds of thousands in a benchmark) and the collector copies each retained object. The attributes
 * sit in a {@link FieldMap} (two arrays, no entry object per attribute), and a text value is kept as its
 * {@code String} without the {@link TextNode} around it, shared with equal values of other profiles through the
 * store's {@link TextPool}. Not thread-safe: guarded by the {@link UserStore} lock.
 */
final class AttributeTable {

  private final TextPool pool;
  /** A {@code String} for a text value, else the {@link JsonNode}. */
  private final FieldMap<Object> values = new FieldMap<>();

  /** An empty table whose text values are shared through {@code pool}. */
  AttributeTable(TextPool pool) {
    this.pool = pool;
  }

  /** The value of an attribute, or null when the profile has none. */
  JsonNode get(String name) {
    Object value = values.get(name);
    return value == null ? null : node(value);
  }

  /** The value of an attribute when it is text, else null. */
  String text(String name) {
    return values.get(name) instanceof String text ? text : null;
  }

  /** Sets an attribute: a known one keeps its place, a new one goes last. The node is stored, not copied. */
  void set(String name, JsonNode value) {
    values.put(name, value.isTextual() ? pool.share(value.textValue()) : value);
  }

  /** Removes an attribute if present. */
  void remove(String name) {
    values.remove(name);
  }

  /** Adds every attribute to {@code target} in order, as deep copies. */
  void copyInto(ObjectNode target) {
    values.forEach((name, value) -> target.set(name, node(value).deepCopy()));
  }

  private static JsonNode node(Object value) {
    return value instanceof String text ? TextNode.valueOf(text) : (JsonNode) value;
  }
}
