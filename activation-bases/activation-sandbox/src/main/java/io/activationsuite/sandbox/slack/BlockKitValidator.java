package io.activationsuite.sandbox.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Validates Block Kit {@code blocks} as chat.postMessage does: an array of at most 50 known blocks;
 * section text up to 3,000 characters (fields up to 10 of 2,000), header text up to 150, context with 1 to
 * 10 elements, unique block ids up to 255 characters. Refusals are {@code invalid_blocks} with Slack's
 * {@code response_metadata.messages} ({@code [ERROR] ... [json-pointer:/blocks/0/text/text]}), a
 * non-array {@code invalid_blocks_format}, and an oversized total {@code msg_blocks_too_long}.
 */
final class BlockKitValidator {

  private static final Set<String> TYPES = Set.of("section", "divider", "header", "context", "actions", "image",
      "rich_text", "markdown", "input", "file", "video");
  private static final Set<String> TEXT_TYPES = Set.of("mrkdwn", "plain_text");

  private BlockKitValidator() {
  }

  /** The error body when the blocks are refused, else empty. */
  static Optional<ObjectNode> validate(JsonNode blocks) {
    if (!blocks.isArray()) {
      return Optional.of(SlackResult.errorBody("invalid_blocks_format"));
    }
    List<String> problems = new ArrayList<>();
    if (blocks.size() > SlackLimits.MAX_BLOCKS) {
      problems.add("no more than " + SlackLimits.MAX_BLOCKS + " items allowed [json-pointer:/blocks]");
    }
    Set<String> ids = new HashSet<>();
    int totalText = 0;
    for (int i = 0; i < blocks.size() && problems.isEmpty(); i++) {
      JsonNode block = blocks.get(i);
      String at = "/blocks/" + i;
      String type = block.path("type").asText("");
      if (!block.isObject() || !TYPES.contains(type)) {
        problems.add("unsupported type `" + type + "` [json-pointer:" + at + "/type]");
        continue;
      }
      String blockId = block.path("block_id").asText(null);
      if (blockId != null && (blockId.length() > SlackLimits.BLOCK_ID || !ids.add(blockId))) {
        problems.add("invalid or duplicate block_id [json-pointer:" + at + "/block_id]");
      }
      switch (type) {
        case "section" -> totalText += section(block, at, problems);
        case "header" -> totalText += text(block.path("text"), at + "/text", SlackLimits.HEADER_TEXT, true,
            problems);
        case "context" -> totalText += context(block, at, problems);
        default -> totalText += block.toString().length() / 4;
      }
    }
    if (!problems.isEmpty()) {
      ObjectNode error = SlackResult.errorBody("invalid_blocks");
      ArrayNode messages = error.putObject("response_metadata").putArray("messages");
      problems.forEach(p -> messages.add("[ERROR] " + p));
      return Optional.of(error);
    }
    if (totalText > SlackLimits.TOTAL_BLOCK_TEXT) {
      return Optional.of(SlackResult.errorBody("msg_blocks_too_long"));
    }
    return Optional.empty();
  }

  private static int section(JsonNode block, String at, List<String> problems) {
    JsonNode fields = block.path("fields");
    if (!block.has("text") && !fields.isArray()) {
      problems.add("must provide either `text` or `fields` [json-pointer:" + at + "]");
      return 0;
    }
    int total = 0;
    if (block.has("text")) {
      total += text(block.get("text"), at + "/text", SlackLimits.SECTION_TEXT, false, problems);
    }
    if (fields.isArray()) {
      if (fields.size() > SlackLimits.SECTION_FIELDS) {
        problems.add("no more than " + SlackLimits.SECTION_FIELDS + " items allowed [json-pointer:" + at
            + "/fields]");
      }
      for (int f = 0; f < fields.size(); f++) {
        total += text(fields.get(f), at + "/fields/" + f, SlackLimits.SECTION_FIELD_TEXT, false, problems);
      }
    }
    return total;
  }

  private static int context(JsonNode block, String at, List<String> problems) {
    JsonNode elements = block.path("elements");
    if (!elements.isArray() || elements.isEmpty() || elements.size() > SlackLimits.CONTEXT_ELEMENTS) {
      problems.add("must provide 1 to " + SlackLimits.CONTEXT_ELEMENTS + " items [json-pointer:" + at
          + "/elements]");
      return 0;
    }
    int total = 0;
    for (JsonNode element : elements) {
      total += element.path("text").asText("").length();
    }
    return total;
  }

  private static int text(JsonNode text, String at, int max, boolean plainOnly, List<String> problems) {
    String type = text.path("type").asText("");
    if (!text.isObject() || !TEXT_TYPES.contains(type) || (plainOnly && !"plain_text".equals(type))) {
      problems.add("must be a " + (plainOnly ? "plain_text" : "text") + " object [json-pointer:" + at + "]");
      return 0;
    }
    String value = text.path("text").asText("");
    if (value.isEmpty()) {
      problems.add("must be more than 0 characters [json-pointer:" + at + "/text]");
    } else if (value.length() > max) {
      problems.add("must be less than " + (max + 1) + " characters [json-pointer:" + at + "/text]");
    }
    return value.length();
  }
}
