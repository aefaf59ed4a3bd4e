package io.activationsuite.localsync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code ${name}} placeholders in a connector config (e.g. {@code ${sandbox.base_url}},
 * {@code ${sandbox.access_token}}, {@code ${run.rejected_dir}}, {@code ${env.HUBSPOT_TOKEN}}), so one sync
 * file serves the sandbox and a real account. An unknown placeholder is an error naming it.
 */
public final class Placeholders {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.]+)}");

  private Placeholders() {}

  /** Returns a copy of {@code config} with every placeholder replaced. */
  public static ObjectNode resolve(ObjectNode config, Map<String, String> values) {
    ObjectNode copy = config.deepCopy();
    resolveIn(copy, values);
    return copy;
  }

  private static void resolveIn(JsonNode node, Map<String, String> values) {
    if (node instanceof ObjectNode object) {
      for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (field.getValue().isTextual()) {
          field.setValue(TextNode.valueOf(substitute(field.getValue().asText(), values)));
        } else {
          resolveIn(field.getValue(), values);
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        if (array.get(i).isTextual()) {
          array.set(i, TextNode.valueOf(substitute(array.get(i).asText(), values)));
        } else {
          resolveIn(array.get(i), values);
        }
      }
    }
  }

  private static String substitute(String text, Map<String, String> values) {
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder result = new StringBuilder();
    while (matcher.find()) {
      String name = matcher.group(1);
      String value = name.startsWith("env.") ? System.getenv(name.substring(4)) : values.get(name);
      if (value == null) {
        throw new IllegalArgumentException("The config uses ${" + name + "}, which has no value here"
            + (name.startsWith("sandbox.") ? " (run with --sandbox)" : name.startsWith("env.")
                ? " (set the environment variable)" : ""));
      }
      matcher.appendReplacement(result, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(result);
    return result.toString();
  }
}
