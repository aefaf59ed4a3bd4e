package io.activationsuite.sink.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A compiled path into a source record: dot-separated property names with optional list indexes, e.g.
 * {@code address.city} or {@code emails[0].value}. A record property whose name is the whole path (a
 * column literally named {@code a.b}) wins over the nested reading.
 */
public final class SourcePath {
  private final String text;
  private final Object[] steps;

  private SourcePath(String text, Object[] steps) {
    this.text = text;
    this.steps = steps;
  }

  /** Compiles a path; throws {@link IllegalArgumentException} saying what is wrong with it. */
  public static SourcePath compile(String path) {
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException("a source path cannot be empty");
    }
    String trimmed = path.trim();
    List<Object> steps = new ArrayList<>();
    for (String segment : trimmed.split("\\.", -1)) {
      int bracket = segment.indexOf('[');
      String name = bracket < 0 ? segment : segment.substring(0, bracket);
      if (name.isEmpty() && bracket != 0) {
        throw new IllegalArgumentException("source path '" + path + "' has an empty segment");
      }
      if (!name.isEmpty()) {
        steps.add(name);
      }
      while (bracket >= 0) {
        int close = segment.indexOf(']', bracket);
        if (close < 0) {
          throw new IllegalArgumentException("source path '" + path + "' has an unclosed '['");
        }
        try {
          int index = Integer.parseInt(segment.substring(bracket + 1, close).trim());
          if (index < 0) {
            throw new NumberFormatException();
          }
          steps.add(index);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("source path '" + path + "' has a list index that is not a number >= 0");
        }
        bracket = segment.indexOf('[', close);
        if (bracket < 0 && close != segment.length() - 1) {
          throw new IllegalArgumentException("source path '" + path + "' has text after ']'");
        }
      }
    }
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("source path '" + path + "' names nothing");
    }
    return new SourcePath(trimmed, steps.toArray());
  }

  /** The value at this path, or null when any step is missing (JSON null is returned as is). */
  public JsonNode read(JsonNode record) {
    if (steps.length > 1) {
      JsonNode literal = record.get(text);
      if (literal != null) {
        return literal;
      }
    }
    JsonNode node = record;
    for (Object step : steps) {
      node = step instanceof Integer index ? node.get(index) : node.get((String) step);
      if (node == null) {
        return null;
      }
    }
    return node;
  }

  /** The steps of the path: property names ({@link String}) and list indexes ({@link Integer}). */
  public List<Object> steps() {
    return List.of(steps);
  }

  @Override
  public String toString() {
    return text;
  }
}
