package io.activationsuite.sandbox.braze;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Arrays;

/**
 * A profile's standard and custom attributes by name, in the order they were first written (as Braze exports
 * them): what an {@link ObjectNode} would hold, kept compact because the emulator retains every profile a sync
 * sends (hundreds of thousands in a benchmark) and the collector copies each retained object. Names and values
 * sit in two parallel arrays instead of a hash map with an entry object per attribute, and a text value is kept
 * as its {@code String} without the {@link TextNode} around it, shared with equal values of other profiles
 * through the store's {@link TextPool}. Lookups scan the names (a profile has a few
 * dozen attributes at most). Not thread-safe: guarded by the {@link UserStore} lock.
 */
final class AttributeTable {

  private static final int FIRST_CAPACITY = 8;
  private static final String[] NO_NAMES = {};
  private static final Object[] NO_VALUES = {};

  private final TextPool pool;
  private String[] names = NO_NAMES;
  /** A {@code String} for a text value, else the {@link JsonNode}. */
  private Object[] values = NO_VALUES;
  private int size;

  /** An empty table whose text values are shared through {@code pool}. */
  AttributeTable(TextPool pool) {
    this.pool = pool;
  }

  /** The value of an attribute, or null when the profile has none. */
  JsonNode get(String name) {
    int i = indexOf(name);
    return i < 0 ? null : node(values[i]);
  }

  /** The value of an attribute when it is text, else null. */
  String text(String name) {
    int i = indexOf(name);
    return i >= 0 && values[i] instanceof String text ? text : null;
  }

  /** Sets an attribute: a known one keeps its place, a new one goes last. The node is stored, not copied. */
  void set(String name, JsonNode value) {
    Object stored = value.isTextual() ? pool.share(value.textValue()) : value;
    int i = indexOf(name);
    if (i >= 0) {
      values[i] = stored;
      return;
    }
    if (size == names.length) {
      int capacity = size == 0 ? FIRST_CAPACITY : size + (size >> 1);
      names = Arrays.copyOf(names, capacity);
      values = Arrays.copyOf(values, capacity);
    }
    names[size] = name;
    values[size] = stored;
    size++;
  }

  /** Removes an attribute if present. */
  void remove(String name) {
    int i = indexOf(name);
    if (i < 0) {
      return;
    }
    int tail = size - i - 1;
    System.arraycopy(names, i + 1, names, i, tail);
    System.arraycopy(values, i + 1, values, i, tail);
    size--;
    names[size] = null;
    values[size] = null;
  }

  /** Adds every attribute to {@code target} in order, as deep copies. */
  void copyInto(ObjectNode target) {
    for (int i = 0; i < size; i++) {
      target.set(names[i], node(values[i]).deepCopy());
    }
  }

  private int indexOf(String name) {
    int hash = name.hashCode();
    for (int i = 0; i < size; i++) {
      // names from the JSON parser are canonical instances with their hash cached: identity or the hash decides
      if (names[i] == name || (names[i].hashCode() == hash && names[i].equals(name))) {
        return i;
      }
    }
    return -1;
  }

  private static JsonNode node(Object value) {
    return value instanceof String text ? TextNode.valueOf(text) : (JsonNode) value;
  }
}
