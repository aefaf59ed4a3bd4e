package io.activationsuite.sink.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.sink.mapping.SourcePath;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The columns a stream's JSON schema lists (Airbyte sends one with every configured stream), so that a
 * mapping naming a column the stream lacks is caught before any record is read instead of silently
 * leaving a field empty in every record. Where the schema is open (no {@code properties}, or
 * {@code additionalProperties: true}) it cannot tell, and says nothing.
 */
public final class StreamColumns {
  private static final int SHOWN_COLUMNS = 20;

  private final JsonNode schema;

  private StreamColumns(JsonNode schema) {
    this.schema = schema;
  }

  /** The columns of a stream's JSON schema (null: an open schema). */
  public static StreamColumns of(JsonNode jsonSchema) {
    return new StreamColumns(jsonSchema);
  }

  /**
   * Why the stream has no value at {@code path} ("'nam' names no column of the stream; did you mean 'name'?
   * ..."), or null when it has one or the schema cannot tell.
   */
  public String problem(SourcePath path) {
    List<Object> steps = path.steps();
    if (steps.size() > 1 && listed(schema).contains(path.toString())) {
      return null;
    }
    JsonNode node = schema;
    String parent = null;
    for (Object step : steps) {
      if (node == null) {
        return null;
      }
      if (step instanceof Integer) {
        node = node.get("items");
        continue;
      }
      String name = (String) step;
      if (open(node)) {
        return null;
      }
      JsonNode property = node.get("properties").get(name);
      if (property == null) {
        return unknown(path, parent, name, listed(node));
      }
      node = property;
      parent = parent == null ? name : parent + "." + name;
    }
    return null;
  }

  private static boolean open(JsonNode node) {
    JsonNode properties = node.get("properties");
    JsonNode additional = node.get("additionalProperties");
    return properties == null || !properties.isObject() || properties.isEmpty()
        || (additional != null && (additional.isObject() || additional.asBoolean(false)));
  }

  private static List<String> listed(JsonNode node) {
    List<String> names = new ArrayList<>();
    JsonNode properties = node == null ? null : node.get("properties");
    if (properties != null && properties.isObject()) {
      properties.fieldNames().forEachRemaining(names::add);
    }
    return names;
  }

  private static String unknown(SourcePath path, String parent, String name, List<String> columns) {
    String closest = columns.stream()
        .min(Comparator.comparingInt(c -> distance(c.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT))))
        .orElse(null);
    String where = parent == null ? "names no column of the stream" : "names no property '" + name + "' under '"
        + parent + "'";
    int shown = Math.min(columns.size(), SHOWN_COLUMNS);
    return "'" + path + "' " + where
        + (closest == null ? "" : "; did you mean '" + closest + "'?")
        + " The stream's " + (parent == null ? "columns" : "properties of '" + parent + "'") + ": "
        + String.join(", ", columns.subList(0, shown))
        + (columns.size() > shown ? " and " + (columns.size() - shown) + " more" : "");
  }

  /** Levenshtein distance: the fewest single-character edits that turn one text into the other. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
