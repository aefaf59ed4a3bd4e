package io.activationsuite.testkit.messages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The STATE contract a destination owes the platform, as assertions: every STATE sent comes back once,
 * in order, unchanged (the {@code id} and {@code sourceStats} kept) apart from the added
 * {@code destinationStats}, whose {@code recordCount + rejectedRecordCount} equals the source count.
 */
public final class EchoedStates {

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private EchoedStates() {
  }

  /** Asserts {@code echoed} (the STATE messages a connector printed) answer {@code sent} exactly. */
  public static void assertEchoed(List<ObjectNode> sent, List<ObjectNode> echoed) {
    assertThat(echoed).as("STATE messages echoed").hasSameSizeAs(sent);
    for (int i = 0; i < sent.size(); i++) {
      ObjectNode in = sent.get(i);
      ObjectNode out = echoed.get(i);
      assertThat(withoutDestinationStats(out)).as("STATE #%d echoed unchanged", i).isEqualTo(reparsed(in));
      JsonNode stats = out.path("state").path("destinationStats");
      assertThat(stats.isObject()).as("STATE #%d carries destinationStats: %s", i, out).isTrue();
      double source = in.path("state").path("sourceStats").path("recordCount").asDouble();
      double landed = stats.path("recordCount").asDouble() + stats.path("rejectedRecordCount").asDouble(0);
      assertThat(landed).as("STATE #%d destination recordCount + rejectedRecordCount", i).isEqualTo(source);
    }
  }

  /** The rejected-record count summed over {@code echoed}. */
  public static long rejectedCount(List<ObjectNode> echoed) {
    return echoed.stream()
        .mapToLong(state -> (long) state.path("state").path("destinationStats").path("rejectedRecordCount").asDouble(0))
        .sum();
  }

  /** The acknowledged-record count summed over {@code echoed}. */
  public static long recordCount(List<ObjectNode> echoed) {
    return echoed.stream()
        .mapToLong(state -> (long) state.path("state").path("destinationStats").path("recordCount").asDouble(0))
        .sum();
  }

  /** Parsed from its text, so number node types (int/long) compare as a connector's output parses. */
  private static JsonNode reparsed(ObjectNode message) {
    try {
      return JSON.readTree(message.toString());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode withoutDestinationStats(ObjectNode message) {
    ObjectNode copy = message.deepCopy();
    ((ObjectNode) copy.path("state")).remove("destinationStats");
    return copy;
  }
}
