package io.activationsuite.testkit.messages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

  /**
   * Like {@link #assertEchoed}, but for STREAM states of several streams: the protocol orders a stream's
   * states among themselves only, so a state of a stream with nothing pending may come back before an
   * earlier state of another stream that still waits for its records.
   */
  public static void assertEchoedPerStream(List<ObjectNode> sent, List<ObjectNode> echoed) {
    assertThat(echoed).as("STATE messages echoed").hasSameSizeAs(sent);
    Map<String, List<ObjectNode>> sentByStream = byStream(sent);
    Map<String, List<ObjectNode>> echoedByStream = byStream(echoed);
    assertThat(echoedByStream.keySet()).as("streams whose states came back").isEqualTo(sentByStream.keySet());
    sentByStream.forEach((stream, states) -> assertEchoed(states, echoedByStream.get(stream)));
  }

  private static Map<String, List<ObjectNode>> byStream(List<ObjectNode> states) {
    Map<String, List<ObjectNode>> byStream = new LinkedHashMap<>();
    for (ObjectNode state : states) {
      String stream = state.path("state").path("stream").path("stream_descriptor").path("name").asText("");
      byStream.computeIfAbsent(stream, key -> new ArrayList<>()).add(state);
    }
    return byStream;
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
